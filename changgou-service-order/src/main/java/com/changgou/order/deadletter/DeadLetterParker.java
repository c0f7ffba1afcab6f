package com.changgou.order.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Empties the dead-letter queues into {@code dead_letter}, where a person sees why each message died and
 * decides. A message is acknowledged when this listener returns, after its row is committed (a
 * redelivery finds the row and makes no second one); one that cannot be stored (the database down) goes back on its queue after a
 * doubling back-off, so it is never dropped and the parker does not spin while the database is away.
 */
@Component
class DeadLetterParker {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterParker.class);

    private final DeadLetters deadLetters;
    private final DeadLetterReader reader;
    private final DeadLetterProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Failures in a row; one consumer, so one thread touches it. */
    private int failures;

    DeadLetterParker(DeadLetters deadLetters, DeadLetterReader reader, DeadLetterProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @RabbitListener(id = "deadLetterParker", queues = {"#{deadLetterQueue.name}", "#{refundDeadLetterQueue.name}"},
            containerFactory = "deadLetterContainerFactory")
    void on(Message message) {
        String queue = message.getMessageProperties().getConsumerQueue();
        boolean stored;
        try {
            DeadLetterRow row = reader.read(message, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            stored = deadLetters.park(row);
            if (stored) {
                log.warn("dead letter from {} parked for a person: message {} of order {}: {}", queue,
                        row.messageId(), row.orderId(), row.reason());
            } else {
                log.info("dead letter {} from {} was parked before; redelivery acknowledged", row.dedupKey(), queue);
            }
        } catch (RuntimeException e) {
            throw backOff(queue, e);
        }
        failures = 0;
        if (stored) {
            events.publishEvent(new DeadLetterParked(queue));
        }
    }

    /** Waits, then has the container put the message back on its queue (requeued, never rejected). */
    private AmqpException backOff(String queue, RuntimeException e) {
        Duration wait = properties.backoff(++failures);
        log.warn("could not park a dead letter from {} ({}); back on the queue in {}", queue, e.toString(), wait);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return new AmqpException("dead letter from %s not parked; requeued".formatted(queue), e);
    }
}
