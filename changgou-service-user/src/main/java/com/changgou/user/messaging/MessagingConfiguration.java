package com.changgou.user.messaging;

import com.changgou.user.points.PointsEventRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitListenerRetrySettingsCustomizer;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the user service reads RabbitMQ: JSON bodies, bounded retries with back-off for transient
 * failures (database down, a refund ahead of its payment), and poison messages straight to the
 * dead-letter queue, so the queue keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    /**
     * The order service's events as they come, read leniently where the contract may grow: a property
     * added later is skipped, and a business type added later reads as none, so it is acknowledged as
     * not this service's, like COURSE.
     */
    @Bean
    MessageConverter messageConverter(JsonMapper jsonMapper) {
        return new JacksonJsonMessageConverter(jsonMapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build());
    }

    /** Retrying a message that can never succeed only delays its trip to the DLQ. */
    @Bean
    RabbitListenerRetrySettingsCustomizer skipRetryOfPoison() {
        return settings -> settings.setExceptionPredicate(e -> !isPoison(e));
    }

    /** After the last attempt: reject without requeue, so the queue's dead-letter exchange gets it. */
    @Bean
    MessageRecoverer giveUp(OrderEventMeters meters) {
        return (message, cause) -> {
            meters.deadLettered();
            log.warn("giving up on a message from queue {} (message id {}), rejecting it to the dead-letter queue: {}",
                    message.getMessageProperties().getConsumerQueue(), message.getMessageProperties().getMessageId(),
                    rootMessage(cause));
            throw new AmqpRejectAndDontRequeueException("rejected after retries", cause);
        };
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
                        return cause instanceof PointsEventRejectedException;
                    }
                }));
        return factory;
    }

    /** A body that is not an order event, or an event that can never apply. */
    static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PointsEventRejectedException || t instanceof MessageConversionException
                    || t instanceof org.springframework.messaging.converter.MessageConversionException
                    || t instanceof MethodArgumentResolutionException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
