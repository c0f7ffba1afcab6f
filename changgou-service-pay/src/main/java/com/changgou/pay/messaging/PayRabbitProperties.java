package com.changgou.pay.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every RabbitMQ name the pay service publishes to. The order service declares its queues. */
@ConfigurationProperties("pay.rabbit")
public record PayRabbitProperties(
        @DefaultValue("order.pay") String payExchange,
        @DefaultValue("order.pay.result") String payResultRoutingKey,
        @DefaultValue("paynotify") String notifyExchange) {
}
