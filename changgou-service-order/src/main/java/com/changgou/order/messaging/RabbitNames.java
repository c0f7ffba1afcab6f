package com.changgou.order.messaging;

import com.changgou.order.management.OrderProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code order.rabbit.*}: every exchange, queue and routing key of the order service with the delivery
 * limit of its queues, and (in {@link Declarations}) the only place they are declared.
 *
 * <p>The order service owns all of them, {@code order.pay} included: it is the exchange that tells an
 * order it was paid, so the order service declares it and binds its queue to it, while only the pay
 * service may publish there. Each app has its own broker user ({@code scripts/rabbitmq-users.sh}):
 * The refund results ride the same exchange ({@code order.refund.result}, with its own dead-letter queue
 * behind {@code order.pay.dlx}). {@code changgou-order} may configure these names, read the exchanges it binds from and the queues it
 * consumes, and write its queues (binding needs it), {@code order.delay} (timeouts) and the dead-letter
 * exchanges of its queues (declaring a queue with one needs it), but not {@code order.pay}: holding
 * the order service's password is no way to mark an order paid. The pay service declares only
 * {@code paynotify}.
 *
 * <p>{@code order.events} is the order service's too: the durable fanout its outbox relays every order
 * event to ({@code order.paid}, {@code order.refunded}), routing key empty. Each service that cares binds
 * a queue of its own to it; {@code scripts/rabbitmq-exchanges.sh} declares it as the administrator
 * beforehand, so a subscriber may bind before the order service first started. Until some queue is
 * bound, an event comes back returned and waits NEW in the outbox: none is dropped unheard.
 *
 * <p>Every durable queue here carries money, so every one is a quorum queue, replicated over the nodes of
 * the cluster. The result queues and the delay queue dead-letter at least once: the broker keeps a dead
 * letter until the queue behind the dead-letter exchange has confirmed it, so none is lost between the
 * two. {@code deliveryLimit} ({@code ORDER_DELIVERY_LIMIT}) bounds how often the broker redelivers a
 * message whose consumer died or was stopped holding it: one that kills its consumer every time goes to
 * its dead-letter queue instead of round and round (a timeout is dropped: the sweep closes its order).
 * The listeners' own retries are in-process and never count. {@code deploy/rabbitmq/definitions.json}
 * holds the same arguments, and RabbitMQ refuses to redeclare a queue with others.
 */
@ConfigurationProperties("order.rabbit")
public record RabbitNames(
        @DefaultValue("order.pay") String payExchange,
        @DefaultValue("order.pay.result") String payResultQueue,
        @DefaultValue("order.pay.result") String payResultRoutingKey,
        @DefaultValue("order.pay.dlx") String deadLetterExchange,
        @DefaultValue("order.pay.result.dlq") String deadLetterQueue,
        @DefaultValue("order.pay.result.dlq") String deadLetterRoutingKey,
        @DefaultValue("order.refund.result") String refundResultQueue,
        @DefaultValue("order.refund.result") String refundResultRoutingKey,
        @DefaultValue("order.refund.result.dlq") String refundDeadLetterQueue,
        @DefaultValue("order.refund.result.dlq") String refundDeadLetterRoutingKey,
        @DefaultValue("order.delay") String delayExchange,
        @DefaultValue("order.timeout.delay") String delayQueuePrefix,
        @DefaultValue("order.timeout") String timeoutExchange,
        @DefaultValue("order.timeout") String timeoutRoutingKey,
        @DefaultValue("order.timeout.q") String timeoutQueue,
        @DefaultValue("order.events") String orderEventsExchange,
        @DefaultValue("10") int deliveryLimit) {

    /**
     * One delay queue per timeout value, TTL on the queue: RabbitMQ expires only the head of a queue,
     * so messages with different lifetimes must never share one.
     */
    public String delayQueue(Duration timeout) {
        return "%s.%ds".formatted(delayQueuePrefix, timeout.toSeconds());
    }

    /**
     * Declared by RabbitAdmin on every connect, as {@code changgou-order}: renaming anything here means
     * renaming it in {@code scripts/rabbitmq-users.sh} too ({@code BrokerPermissionsTest} declares
     * these beans as that user and fails otherwise). Bindings take the queue and exchange beans as
     * parameters (matched by parameter name), so each is declared once.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RabbitNames.class)
    static class Declarations {

        /**
         * At-least-once dead lettering: a dead letter stays in its queue until the queue behind the
         * dead-letter exchange has confirmed it. RabbitMQ does so only for a queue that rejects new
         * messages when full (reject-publish); otherwise it falls back to at most once.
         */
        private static final Map<String, Object> AT_LEAST_ONCE = Map.of(
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", QueueBuilder.Overflow.rejectPublish.getValue());

        @Bean
        DirectExchange payExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.payExchange()).durable(true).build();
        }

        @Bean
        Queue payResultQueue(RabbitNames names) {
            return quorum(names.payResultQueue())
                    .deliveryLimit(names.deliveryLimit())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.deadLetterRoutingKey())
                    .withArguments(AT_LEAST_ONCE)
                    .build();
        }

        @Bean
        Binding payResultBinding(Queue payResultQueue, DirectExchange payExchange, RabbitNames names) {
            return BindingBuilder.bind(payResultQueue).to(payExchange).with(names.payResultRoutingKey());
        }

        @Bean
        DirectExchange deadLetterExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.deadLetterExchange()).durable(true).build();
        }

        /** No delivery limit: see {@link #deadLetters(String)}. */
        @Bean
        Queue deadLetterQueue(RabbitNames names) {
            return deadLetters(names.deadLetterQueue());
        }

        @Bean
        Binding deadLetterBinding(Queue deadLetterQueue, DirectExchange deadLetterExchange, RabbitNames names) {
            return BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange).with(names.deadLetterRoutingKey());
        }

        @Bean
        Queue refundResultQueue(RabbitNames names) {
            return quorum(names.refundResultQueue())
                    .deliveryLimit(names.deliveryLimit())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.refundDeadLetterRoutingKey())
                    .withArguments(AT_LEAST_ONCE)
                    .build();
        }

        @Bean
        Binding refundResultBinding(Queue refundResultQueue, DirectExchange payExchange, RabbitNames names) {
            return BindingBuilder.bind(refundResultQueue).to(payExchange).with(names.refundResultRoutingKey());
        }

        /** No delivery limit: see {@link #deadLetters(String)}. */
        @Bean
        Queue refundDeadLetterQueue(RabbitNames names) {
            return deadLetters(names.refundDeadLetterQueue());
        }

        @Bean
        Binding refundDeadLetterBinding(Queue refundDeadLetterQueue, DirectExchange deadLetterExchange,
                RabbitNames names) {
            return BindingBuilder.bind(refundDeadLetterQueue).to(deadLetterExchange)
                    .with(names.refundDeadLetterRoutingKey());
        }

        @Bean
        DirectExchange delayExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.delayExchange()).durable(true).build();
        }

        /** Nobody consumes it, so it needs no delivery limit: its messages leave by expiring. */
        @Bean
        Queue delayQueue(RabbitNames names, OrderProperties order) {
            return quorum(names.delayQueue(order.timeout()))
                    .ttl(Math.toIntExact(order.timeout().toMillis()))
                    .deadLetterExchange(names.timeoutExchange())
                    .deadLetterRoutingKey(names.timeoutRoutingKey())
                    .withArguments(AT_LEAST_ONCE)
                    .build();
        }

        @Bean
        Binding delayBinding(Queue delayQueue, DirectExchange delayExchange, RabbitNames names, OrderProperties order) {
            return BindingBuilder.bind(delayQueue).to(delayExchange).with(names.delayQueue(order.timeout()));
        }

        @Bean
        DirectExchange timeoutExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.timeoutExchange()).durable(true).build();
        }

        /**
         * No dead-letter exchange: a timeout past its delivery limit is dropped, and the sweep closes its
         * order all the same ({@link OrderExpiry}).
         */
        @Bean
        Queue timeoutQueue(RabbitNames names) {
            return quorum(names.timeoutQueue()).deliveryLimit(names.deliveryLimit()).build();
        }

        @Bean
        Binding timeoutBinding(Queue timeoutQueue, DirectExchange timeoutExchange, RabbitNames names) {
            return BindingBuilder.bind(timeoutQueue).to(timeoutExchange).with(names.timeoutRoutingKey());
        }

        @Bean
        FanoutExchange orderEventsExchange(RabbitNames names) {
            return ExchangeBuilder.fanoutExchange(names.orderEventsExchange()).durable(true).build();
        }

        private static QueueBuilder quorum(String name) {
            return QueueBuilder.durable(name).quorum();
        }

        /**
         * Never a delivery limit on a dead-letter queue: nothing stands behind it, and the parker puts a
         * message back while the database is down, however often, so a limit would drop a payment.
         * (Absent is unlimited on RabbitMQ 3.x; RabbitMQ 4 defaults to 20: docs/architecture.md, "Pay
         * flow and messaging".)
         */
        private static Queue deadLetters(String name) {
            return quorum(name).build();
        }
    }
}
