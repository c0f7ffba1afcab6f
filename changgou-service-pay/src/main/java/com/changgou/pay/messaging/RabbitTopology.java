package com.changgou.pay.messaging;

import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the exchanges the pay service publishes to (RabbitAdmin declares them on every
 * connect). Queues belong to their consumers: until {@code order.pay.result} exists a mandatory
 * publish comes back returned, and the outbox keeps the row NEW and retries.
 */
@Configuration(proxyBeanMethods = false)
class RabbitTopology {

    @Bean
    DirectExchange payExchange(PayRabbitProperties names) {
        return new DirectExchange(names.payExchange(), true, false);
    }

    @Bean
    FanoutExchange notifyExchange(PayRabbitProperties names) {
        return new FanoutExchange(names.notifyExchange(), true, false);
    }
}
