package com.changgou.order.deadletter;

import com.changgou.order.messaging.RabbitNames;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecovererWithConfirms;
import org.springframework.stereotype.Component;

/**
 * What becomes of a message the order service gives up on (poison at once, anything else after the
 * retries). A pay or refund result is published, with the broker's confirm, to the dead-letter exchange
 * for its own dead-letter queue, carrying why in {@code x-exception-message} and {@code x-exception-class}
 * (the order service's broker user may write {@code order.pay.dlx}); once confirmed, the original is
 * acknowledged. When that publish fails, the message is rejected instead and the queue's own
 * dead-lettering takes it there without the reason: never dropped. A timeout is rejected: its queue has
 * no dead-letter queue, and the sweep retries every unpaid order past its expiry.
 */
@Component
class DeadLetterRecoverer implements MessageRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    static final String X_EXCEPTION_CLASS = "x-exception-class";

    private final Map<String, MessageRecoverer> byQueue;

    DeadLetterRecoverer(RabbitTemplate rabbit, RabbitNames names, DeadLetterProperties properties) {
        this.byQueue = Map.of(
                names.payResultQueue(), republisher(rabbit, names.deadLetterExchange(), names.deadLetterRoutingKey(),
                        properties),
                names.refundResultQueue(), republisher(rabbit, names.deadLetterExchange(),
                        names.refundDeadLetterRoutingKey(), properties));
    }

    @Override
    public void recover(Message message, Throwable cause) {
        String queue = message.getMessageProperties().getConsumerQueue();
        String reason = DeadReasons.describe(cause);
        MessageRecoverer republisher = queue == null ? null : byQueue.get(queue);
        if (republisher == null) {
            log.warn("giving up on a message from queue {} (delivery tag {}), rejecting it: {}", queue,
                    message.getMessageProperties().getDeliveryTag(), reason);
            throw new AmqpRejectAndDontRequeueException("rejected after retries", cause);
        }
        try {
            republisher.recover(message, cause);
            log.warn("message {} from queue {} sent to its dead-letter queue: {}",
                    message.getMessageProperties().getMessageId(), queue, reason);
        } catch (RuntimeException e) {
            log.warn("could not send message {} from queue {} to its dead-letter queue with the reason ({}); "
                    + "rejecting it to the queue's dead-letter exchange: {}",
                    message.getMessageProperties().getMessageId(), queue, e.toString(), reason);
            throw new AmqpRejectAndDontRequeueException("rejected after retries", cause);
        }
    }

    private static MessageRecoverer republisher(RabbitTemplate rabbit, String exchange, String routingKey,
            DeadLetterProperties properties) {
        ReasonRepublisher republisher = new ReasonRepublisher(rabbit, exchange, routingKey);
        republisher.setConfirmTimeout(properties.confirmTimeout().toMillis());
        // the reason says why in a line; a stack trace would only crowd the headers
        republisher.includeStackTrace(false);
        return republisher;
    }

    /** The broker's confirm before the original is acknowledged; the reason in the x-exception-* headers. */
    private static final class ReasonRepublisher extends RepublishMessageRecovererWithConfirms {

        ReasonRepublisher(RabbitTemplate rabbit, String exchange, String routingKey) {
            super(rabbit, exchange, routingKey, ConfirmType.CORRELATED);
        }

        @Override
        protected Map<? extends String, ?> additionalHeaders(Message message, Throwable cause) {
            return Map.of(X_EXCEPTION_MESSAGE, DeadReasons.describe(cause),
                    X_EXCEPTION_CLASS, DeadReasons.className(cause));
        }
    }
}
