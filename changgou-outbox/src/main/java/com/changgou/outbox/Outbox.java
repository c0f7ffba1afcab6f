package com.changgou.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages into the caller's transaction, so they exist exactly when the state change they
 * announce does. Publishing happens after the commit, never inside the transaction.
 *
 * <p>Bodies are written with the application's one {@link JsonMapper}, the one its message converter
 * wraps, so a message relayed from here reads exactly like one the converter would have sent. Each row
 * keeps the writer's trace ({@link OutboxTracing}), which the relay continues when it publishes.
 */
public class Outbox {

    private final OutboxMapper mapper;
    private final JsonMapper json;
    private final OutboxRelayRunner relay;
    private final Clock clock;
    private final OutboxTracing tracing;

    Outbox(OutboxMapper mapper, JsonMapper json, OutboxRelayRunner relay, Clock clock, OutboxTracing tracing) {
        this.mapper = mapper;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * Adds the messages to the current transaction; there must be one, or the messages could outlive a
     * state change that rolled back (or be lost with one that committed). A {@code messageId} is the
     * row's key: a second append of the same id fails the transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<OutgoingMessage> messages) {
        String traceParent = tracing.currentTraceParent();
        List<OutboxRow> rows = messages.stream()
                .map(m -> new OutboxRow(m.messageId(), m.type(), m.exchange(), m.routingKey(),
                        json.writeValueAsString(m.payload()), traceParent))
                .toList();
        Instant now = clock.instant();
        // Leased to this process: its relay publishes them the moment they are committed, without claiming
        // them, and no other relay takes them meanwhile. Should this process die first, any relay claims
        // them once the lease is over. Without a lease they are due at once, for the next claim.
        Instant leasedUntil = relay.handOffLease(now);
        Instant nextTryAt = leasedUntil != null ? leasedUntil : now;
        if (rows.size() == 1) {
            // most changes announce one message: the insert MyBatis parsed once (profile.md section 14)
            mapper.insert(rows.get(0), OutboxState.NEW, now, nextTryAt);
        } else {
            mapper.insertAll(rows, OutboxState.NEW, now, nextTryAt);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (leasedUntil != null) {
                    relay.handOff(rows, leasedUntil);
                } else {
                    relay.wake();
                }
            }
        });
    }
}
