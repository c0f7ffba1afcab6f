package com.changgou.outbox;

import io.micrometer.common.KeyValues;
import org.springframework.amqp.rabbit.support.micrometer.RabbitMessageSenderContext;
import org.springframework.amqp.rabbit.support.micrometer.RabbitTemplateObservation.DefaultRabbitTemplateObservationConvention;
import org.springframework.amqp.rabbit.support.micrometer.RabbitTemplateObservation.TemplateLowCardinalityTags;

/**
 * How the app's {@code RabbitTemplate} names and tags what it sends: by its exchange, not its routing key.
 *
 * <p>Spring AMQP's default convention makes the routing key a low-cardinality value, that is a dimension of the
 * {@code spring.rabbit.template} timers. A broadcast's routing key is the waiting page's token, one per payment,
 * so every payment registered two meters of its own (the timer and its long-task timer) and kept them for the
 * process's life: after one bench run pay held 7,101 of each, its scrape was 10 MB and growing, and each
 * payment paid for registering them. Here the exchange alone names the timer and the span; the routing key
 * is still on the span, as a high-cardinality value, so a trace shows where a message went.
 */
final class ExchangeNamedSends extends DefaultRabbitTemplateObservationConvention {

    /** What the span of a send to the default exchange is called (it has no name of its own). */
    static final String DEFAULT_EXCHANGE = "amq.default";

    @Override
    public KeyValues getLowCardinalityKeyValues(RabbitMessageSenderContext context) {
        return KeyValues.of(TemplateLowCardinalityTags.BEAN_NAME.asString(), context.getBeanName(),
                TemplateLowCardinalityTags.EXCHANGE.asString(), context.getExchange());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(RabbitMessageSenderContext context) {
        return KeyValues.of(TemplateLowCardinalityTags.ROUTING_KEY.asString(), context.getRoutingKey());
    }

    @Override
    public String getContextualName(RabbitMessageSenderContext context) {
        String exchange = context.getExchange();
        return (exchange == null || exchange.isEmpty() ? DEFAULT_EXCHANGE : exchange) + " send";
    }
}
