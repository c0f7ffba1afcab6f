package com.changgou.pay.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox learns of returns through each message's CorrelationData; this callback only keeps
 * the template from warning "no callback available" for every unroutable broadcast.
 */
@Configuration(proxyBeanMethods = false)
class ReturnsLogging {

    private static final Logger log = LoggerFactory.getLogger(ReturnsLogging.class);

    @Bean
    RabbitTemplateCustomizer returnsCallback() {
        return template -> template.setReturnsCallback(returned -> log.debug("returned by {}: {} {}",
                returned.getExchange(), returned.getReplyCode(), returned.getReplyText()));
    }
}
