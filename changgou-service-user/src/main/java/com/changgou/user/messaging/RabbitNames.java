package com.changgou.user.messaging;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code user.rabbit.*}: every RabbitMQ name of the user service with the delivery limit of its queue,
 * and (in {@link Declarations}) the only place they are declared.
 *
 * <p>The user service owns its queue {@code user.order-events}, the queue's dead-letter exchange
 * {@code user.order-events.dlx} and the dead-letter queue {@code user.order-events.dlq}. It binds its
 * queue to {@code order.events}, the order service's durable fanout, but never declares that: the
 * exchange is the order service's (and {@code scripts/rabbitmq-exchanges.sh} declares it
 * beforehand), and the user service's broker user ({@code changgou-user},
 * {@code scripts/rabbitmq-users.sh}) may configure only its own three names, read
 * {@code order.events} to bind from it, and write nowhere but its own names: it cannot publish an
 * order event.
 *
 * <p>Points are money to a shopper, so both queues are quorum queues, replicated over the nodes of the
 * cluster. {@code user.order-events} dead-letters at least once: the broker keeps a dead letter until
 * the DLQ has confirmed it. {@code deliveryLimit} ({@code USER_DELIVERY_LIMIT}) bounds how often the
 * broker redelivers an event whose consumer died or was stopped holding it: one that kills the service
 * every time goes to the DLQ instead of round and round (the listener's own retries are in-process and
 * never count). {@code deploy/rabbitmq/definitions.json} holds the same arguments, and RabbitMQ refuses
 * to redeclare a queue with others.
 */
@ConfigurationProperties("user.rabbit")
public record RabbitNames(
        @DefaultValue("order.events") String orderEventsExchange,
        @DefaultValue("user.order-events") String orderEventsQueue,
        @DefaultValue("user.order-events.dlx") String deadLetterExchange,
        @DefaultValue("user.order-events.dlq") String deadLetterQueue,
        @DefaultValue("user.order-events.dlq") String deadLetterRoutingKey,
        @DefaultValue("10") int deliveryLimit) {

    /**
     * Declared by RabbitAdmin on every connect, as {@code changgou-user}: renaming anything here means
     * renaming it in {@code scripts/rabbitmq-users.sh} too ({@code BrokerPermissionsTest} declares these
     * beans as that user and fails otherwise). Bindings take the queue and exchange beans as parameters
     * (matched by parameter name), so each is declared once.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RabbitNames.class)
    static class Declarations {

        /**
         * At-least-once dead lettering: RabbitMQ does it only for a queue that rejects new messages when
         * full (reject-publish); otherwise it falls back to at most once.
         */
        @Bean
        Queue orderEventsQueue(RabbitNames names) {
            return QueueBuilder.durable(names.orderEventsQueue())
                    .quorum()
                    .deliveryLimit(names.deliveryLimit())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.deadLetterRoutingKey())
                    .withArgument("x-dead-letter-strategy", "at-least-once")
                    .overflow(QueueBuilder.Overflow.rejectPublish)
                    .build();
        }

        /** To the exchange by name only: an Exchange bean here would be declared, and that is not ours to do. */
        @Bean
        Binding orderEventsBinding(Queue orderEventsQueue, RabbitNames names) {
            return new Binding(orderEventsQueue.getName(), Binding.DestinationType.QUEUE, names.orderEventsExchange(),
                    "", null);
        }

        @Bean
        DirectExchange deadLetterExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.deadLetterExchange()).durable(true).build();
        }

        /**
         * Never a delivery limit on the DLQ: nothing stands behind it, so a limit would drop the points of
         * an event a person has yet to read. (Absent is unlimited on RabbitMQ 3.x; RabbitMQ 4 defaults to
         * 20: docs/architecture.md, "Pay flow and messaging".)
         */
        @Bean
        Queue deadLetterQueue(RabbitNames names) {
            return QueueBuilder.durable(names.deadLetterQueue()).quorum().build();
        }

        @Bean
        Binding deadLetterBinding(Queue deadLetterQueue, DirectExchange deadLetterExchange, RabbitNames names) {
            return BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange).with(names.deadLetterRoutingKey());
        }
    }
}
