package com.changgou.order.messaging;

import com.changgou.order.management.OrderProperties;
import java.time.Duration;
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
 * {@code order.rabbit.*}: every exchange, queue and routing key of the order service, and (in
 * {@link Declarations}) the only place they are declared.
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
        @DefaultValue("order.events") String orderEventsExchange) {

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

        @Bean
        DirectExchange payExchange(RabbitNames names) {
            return ExchangeBuilder.directExchange(names.payExchange()).durable(true).build();
        }

        @Bean
        Queue payResultQueue(RabbitNames names) {
            return QueueBuilder.durable(names.payResultQueue())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.deadLetterRoutingKey())
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

        @Bean
        Queue deadLetterQueue(RabbitNames names) {
            return QueueBuilder.durable(names.deadLetterQueue()).build();
        }

        @Bean
        Binding deadLetterBinding(Queue deadLetterQueue, DirectExchange deadLetterExchange, RabbitNames names) {
            return BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange).with(names.deadLetterRoutingKey());
        }

        @Bean
        Queue refundResultQueue(RabbitNames names) {
            return QueueBuilder.durable(names.refundResultQueue())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.refundDeadLetterRoutingKey())
                    .build();
        }

        @Bean
        Binding refundResultBinding(Queue refundResultQueue, DirectExchange payExchange, RabbitNames names) {
            return BindingBuilder.bind(refundResultQueue).to(payExchange).with(names.refundResultRoutingKey());
        }

        @Bean
        Queue refundDeadLetterQueue(RabbitNames names) {
            return QueueBuilder.durable(names.refundDeadLetterQueue()).build();
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

        @Bean
        Queue delayQueue(RabbitNames names, OrderProperties order) {
            return QueueBuilder.durable(names.delayQueue(order.timeout()))
                    .ttl(Math.toIntExact(order.timeout().toMillis()))
                    .deadLetterExchange(names.timeoutExchange())
                    .deadLetterRoutingKey(names.timeoutRoutingKey())
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

        @Bean
        Queue timeoutQueue(RabbitNames names) {
            return QueueBuilder.durable(names.timeoutQueue()).build();
        }

        @Bean
        Binding timeoutBinding(Queue timeoutQueue, DirectExchange timeoutExchange, RabbitNames names) {
            return BindingBuilder.bind(timeoutQueue).to(timeoutExchange).with(names.timeoutRoutingKey());
        }

        @Bean
        FanoutExchange orderEventsExchange(RabbitNames names) {
            return ExchangeBuilder.fanoutExchange(names.orderEventsExchange()).durable(true).build();
        }
    }
}
