package com.changgou.order.deadletter;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parker's own listener containers: the application's settings, but one consumer taking one message
 * at a time, acknowledged when the parker returns (after its row is committed), no retry advice, and
 * nothing rejected for good: a message that could not be stored goes back on its dead-letter queue
 * after the parker's back-off, never elsewhere (a DLQ has no dead-letter exchange behind it, so a
 * rejected dead letter would be lost). Bodies are handed over as bytes: none can fail to convert.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

    @Bean
    SimpleRabbitListenerContainerFactory deadLetterContainerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAdviceChain();
        factory.setAcknowledgeMode(AcknowledgeMode.AUTO);
        factory.setPrefetchCount(1);
        factory.setConcurrentConsumers(1);
        factory.setMaxConcurrentConsumers(1);
        factory.setDefaultRequeueRejected(true);
        factory.setErrorHandler(new ConditionalRejectingErrorHandler(cause -> false));
        factory.setMessageConverter(new RawBodies());
        return factory;
    }

    /** The body as it came: the parker reads it leniently itself. */
    private static final class RawBodies implements MessageConverter {

        @Override
        public Message toMessage(Object object, MessageProperties messageProperties) {
            throw new MessageConversionException("the parker sends nothing");
        }

        @Override
        public Object fromMessage(Message message) {
            return message.getBody();
        }
    }
}
