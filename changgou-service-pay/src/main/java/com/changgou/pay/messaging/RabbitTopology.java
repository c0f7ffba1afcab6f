package com.changgou.pay.messaging;

import org.springframework.amqp.core.FanoutExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the pay service declares (RabbitAdmin declares it on every connect): {@code paynotify}, the
 * fanout the browsers subscribe to over Web STOMP, and nothing else. Its broker user
 * ({@code changgou-pay}, {@code scripts/rabbitmq-users.sh}) may configure that exchange only.
 *
 * <p>{@code order.pay} and its queue belong to the order service, which declares them as its own
 * user: the exchange is where an order is told it was paid, so its owner is the order service and
 * the pay service may only publish to it. Until the order service has declared it, a publish there
 * makes the broker close the channel (404) and, once it exists but its queue does not, comes back
 * returned: either way the outbox keeps the row NEW and retries, so pay may start before order.
 */
@Configuration(proxyBeanMethods = false)
class RabbitTopology {

    @Bean
    FanoutExchange notifyExchange(PayRabbitProperties names) {
        return new FanoutExchange(names.notifyExchange(), true, false);
    }
}
