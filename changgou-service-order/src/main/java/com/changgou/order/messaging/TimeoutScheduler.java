package com.changgou.order.messaging;

import com.changgou.order.management.OrderPlaced;
import com.changgou.order.management.OrderProperties;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Schedules an order's timeout once the order is committed: never inside the transaction, where the
 * message could leave for an order that then rolls back. A message lost here (broker down, nack) is
 * covered by the sweep in {@link OrderExpiry}.
 */
@Component
class TimeoutScheduler {

    private static final Logger log = LoggerFactory.getLogger(TimeoutScheduler.class);

    private final RabbitTemplate rabbit;
    private final RabbitNames names;
    private final OrderProperties properties;
    private final Clock clock;

    TimeoutScheduler(RabbitTemplate rabbit, RabbitNames names, OrderProperties properties, Clock clock) {
        this.rabbit = rabbit;
        this.names = names;
        this.properties = properties;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderPlaced placed) {
        String messageId = UUID.randomUUID().toString();
        OrderTimeoutMessage message = new OrderTimeoutMessage(messageId, OrderTimeoutMessage.TYPE, clock.instant(),
                placed.orderId());
        CorrelationData correlation = new CorrelationData(messageId);
        correlation.getFuture().whenComplete((confirm, error) -> {
            if (error != null || confirm == null || !confirm.ack()) {
                log.warn("timeout of order {} not confirmed by the broker ({}); the sweep will close it",
                        placed.orderId(), error != null ? error.getMessage() : confirm == null ? "" : confirm.reason());
            }
        });
        try {
            rabbit.convertAndSend(names.delayExchange(), names.delayQueue(properties.timeout()), message, m -> {
                m.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                m.getMessageProperties().setMessageId(messageId);
                return m;
            }, correlation);
        } catch (AmqpException e) {
            log.warn("could not schedule the timeout of order {} ({}); the sweep will close it",
                    placed.orderId(), e.getMessage());
        }
    }
}
