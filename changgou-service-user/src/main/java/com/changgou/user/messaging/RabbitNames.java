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
 * {@code user.rabbit.*}: every RabbitMQ name of the user service, and (in {@link Declarations}) the
 * only place they are declared.
 *
 * <p>The user service owns its queue {@code user.order-events}, the queue's dead-letter exchange
 * {@code user.order-events.dlx} and the dead-letter queue {@code user.order-events.dlq}. It binds its
 * queue to {@code order.events}, the order service's durable fanout, but never declares that: the
 * exchange is the order service's (and {@code scripts/rabbitmq-exchanges.sh} declares it
 * beforehand), and the user service's broker user ({@code changgou-user},
 * {@code scripts/rabbitmq-users.sh}) may configure only its own three names, read
 * {@code order.events} to bind from it, and write nowhere but its own names: it cannot publish an
 * order event.
 */
@ConfigurationProperties("user.rabbit")
public record RabbitNames(
        @DefaultValue("order.events") String orderEventsExchange,
        @DefaultValue("user.order-events") String orderEventsQueue,
        @DefaultValue("user.order-events.dlx") String deadLetterExchange,
        @DefaultValue("user.order-events.dlq") String deadLetterQueue,
        @DefaultValue("user.order-events.dlq") String deadLetterRoutingKey) {

    /**
     * Declared by RabbitAdmin on every connect, as {@code changgou-user}: renaming anything here means
     * renaming it in {@code scripts/rabbitmq-users.sh} too ({@code BrokerPermissionsTest} declares these
     * beans as that user and fails otherwise). Bindings take the queue and exchange beans as parameters
     * (matched by parameter name), so each is declared once.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RabbitNames.class)
    static class Declarations {

        @Bean
        Queue orderEventsQueue(RabbitNames names) {
            return QueueBuilder.durable(names.orderEventsQueue())
                    .deadLetterExchange(names.deadLetterExchange())
                    .deadLetterRoutingKey(names.deadLetterRoutingKey())
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

        @Bean
        Queue deadLetterQueue(RabbitNames names) {
            return QueueBuilder.durable(names.deadLetterQueue()).build();
        }

        @Bean
        Binding deadLetterBinding(Queue deadLetterQueue, DirectExchange deadLetterExchange, RabbitNames names) {
            return BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange).with(names.deadLetterRoutingKey());
        }
    }
}
