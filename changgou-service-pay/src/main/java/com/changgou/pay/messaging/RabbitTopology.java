package com.changgou.pay.messaging;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the pay service declares (RabbitAdmin declares it on every connect): {@code paynotify}, the
 * fanout every push goes to (the seeds' exchange: operators and other consumers may bind to it), and
 * {@code paynotify.token}, a topic exchange bound to it, from which each page subscribes to its own
 * payment's opaque token only (Web STOMP {@code /exchange/paynotify.token/<token>}). The push is
 * published with the token as its routing key: the fanout ignores it, the topic exchange routes by
 * it, so a payment reaches the one page waiting for it and the broker's work per payment does not
 * grow with the pages open. Its broker user ({@code changgou-pay}, {@code scripts/rabbitmq-users.sh})
 * may configure these two exchanges only.
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

    @Bean
    TopicExchange notifyTokenExchange(PayRabbitProperties names) {
        return new TopicExchange(names.notifyTokenExchange(), true, false);
    }

    /** paynotify → paynotify.token: every push, routed on by its token. */
    @Bean
    Binding notifyByToken(TopicExchange notifyTokenExchange, FanoutExchange notifyExchange) {
        return BindingBuilder.bind(notifyTokenExchange).to(notifyExchange);
    }
}
