package com.changgou.order.messaging;

import com.changgou.outbox.OutboxConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitListenerRetrySettingsCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the order service talks to RabbitMQ: JSON bodies, bounded retries with back-off for transient
 * failures (database or pay service down), and poison messages straight to the dead-letter queue (what
 * happens to a message given up on is the recoverer's, in the deadletter package: it travels to its
 * dead-letter queue with the reason, and is parked there for a person). Its
 * order events leave through the outbox ({@link OutboxConfiguration}, {@code changgou.outbox.*}):
 * written with the state change, relayed with publisher confirms.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import(OutboxConfiguration.class)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    MessageConverter messageConverter(JsonMapper jsonMapper) {
        return new JacksonJsonMessageConverter(jsonMapper);
    }

    /** Retrying a message that can never succeed only delays its trip to the DLQ. */
    @Bean
    RabbitListenerRetrySettingsCustomizer skipRetryOfPoison() {
        return settings -> settings.setExceptionPredicate(e -> !Poison.is(e));
    }

    @Bean
    SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setErrorHandler(new ConditionalRejectingErrorHandler(
                new ConditionalRejectingErrorHandler.DefaultExceptionStrategy() {
                    @Override
                    protected boolean isUserCauseFatal(Throwable cause) {
                        return Poison.isRejected(cause);
                    }
                }));
        return factory;
    }

    @Bean
    RabbitTemplateCustomizer reportReturns() {
        return template -> template.setReturnsCallback(returned -> log.warn(
                "message to exchange {} with routing key {} was returned: {} {}", returned.getExchange(),
                returned.getRoutingKey(), returned.getReplyCode(), returned.getReplyText()));
    }
}
