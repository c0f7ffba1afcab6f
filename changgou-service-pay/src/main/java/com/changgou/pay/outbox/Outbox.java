package com.changgou.pay.outbox;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages into the caller's transaction, so they exist exactly when the state change they
 * announce does. Publishing happens after the commit, never inside the transaction.
 */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final JsonMapper json;
    private final OutboxRelayRunner relay;
    private final Clock clock;

    Outbox(OutboxMapper mapper, JsonMapper json, OutboxRelayRunner relay, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<OutgoingMessage> messages) {
        List<OutboxRow> rows = messages.stream()
                .map(m -> new OutboxRow(m.messageId(), m.type(), m.exchange(), m.routingKey(),
                        json.writeValueAsString(m.payload())))
                .toList();
        mapper.insertAll(rows, OutboxState.NEW, clock.instant());
        // Wake the relay the moment the rows are visible, so a browser hears of the payment within
        // milliseconds; the relay's scheduled pass is only the safety net.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }
}
