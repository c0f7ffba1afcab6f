package com.changgou.order.messaging;

import com.changgou.order.api.event.OrderEvent;
import com.changgou.outbox.Outbox;
import com.changgou.outbox.OutgoingMessage;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts each order event into the outbox, addressed to the {@code order.events} fanout (routing key
 * empty): the relay publishes it, persistent, once the broker confirms it. A plain listener, not a
 * transactional one: it runs inside the transaction that changed the order, and {@link Outbox#append}
 * refuses to run outside one, so the event is committed or rolled back with its change.
 */
@Component
class OrderEventOutbox {

    private final Outbox outbox;
    private final RabbitNames names;

    OrderEventOutbox(Outbox outbox, RabbitNames names) {
        this.outbox = outbox;
        this.names = names;
    }

    @EventListener
    void on(OrderEvent event) {
        outbox.append(List.of(new OutgoingMessage(event.eventId(), event.type(), names.orderEventsExchange(), "",
                event)));
    }
}
