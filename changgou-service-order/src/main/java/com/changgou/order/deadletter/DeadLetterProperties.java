package com.changgou.order.deadletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.dead-letters.*}: how much of a dead letter is kept ({@code bodyLimit} characters of its
 * body, {@code headersLimit} of its headers as JSON), how long giving one up waits for the broker's
 * confirm, and the doubling back-off (from {@code parkBackoff} to {@code parkMaxBackoff}) before a
 * message that could not be parked goes back on its dead-letter queue.
 */
@ConfigurationProperties("order.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("16384") int bodyLimit,
        @DefaultValue("8192") int headersLimit,
        @DefaultValue("PT5S") Duration confirmTimeout,
        @DefaultValue("PT1S") Duration parkBackoff,
        @DefaultValue("PT30S") Duration parkMaxBackoff) {

    /** The wait after {@code failures} failures in a row (1 or more): doubling, bounded. */
    public Duration backoff(int failures) {
        Duration wait = parkBackoff;
        for (int i = 1; i < failures && wait.compareTo(parkMaxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(parkMaxBackoff) > 0 ? parkMaxBackoff : wait;
    }
}
