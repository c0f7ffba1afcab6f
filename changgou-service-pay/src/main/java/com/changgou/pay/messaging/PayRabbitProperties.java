package com.changgou.pay.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every RabbitMQ name the pay service publishes to. It declares only {@code notifyExchange} and
 * {@code notifyTokenExchange} with the binding between them ({@link RabbitTopology}); {@code payExchange} and the queues behind {@code payResultRoutingKey}
 * and {@code refundResultRoutingKey} (refund results, on the same exchange) are the order service's. {@code scripts/rabbitmq-users.sh} grants its user exactly these names.
 */
@ConfigurationProperties("pay.rabbit")
public record PayRabbitProperties(
        @DefaultValue("order.pay") String payExchange,
        @DefaultValue("order.pay.result") String payResultRoutingKey,
        @DefaultValue("paynotify") String notifyExchange,
        @DefaultValue("paynotify.token") String notifyTokenExchange,
        @DefaultValue("order.refund.result") String refundResultRoutingKey) {
}
