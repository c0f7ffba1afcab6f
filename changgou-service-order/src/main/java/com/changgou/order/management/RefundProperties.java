package com.changgou.order.management;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.refund.*}: how long a shopper may cancel a paid order for a refund, and how refunds are
 * submitted to the pay service.
 *
 * @param window         how long after payment a shopper may cancel ({@code ORDER_REFUND_WINDOW})
 * @param submitInterval pause between two passes of the submitter over REQUESTED refunds
 * @param retryBackoff   the wait after a first failed submission, doubled after each further one
 * @param maxBackoff     the longest wait between two submissions of one refund
 * @param lease          how long a claimed refund is left to its submitter: longer than a call to the pay
 *                       service can take, so no other instance submits it meanwhile
 * @param batch          refunds submitted per pass at most
 */
@ConfigurationProperties("order.refund")
public record RefundProperties(
        @DefaultValue("P7D") Duration window,
        @DefaultValue("PT2S") Duration submitInterval,
        @DefaultValue("PT2S") Duration retryBackoff,
        @DefaultValue("PT5M") Duration maxBackoff,
        @DefaultValue("PT30S") Duration lease,
        @DefaultValue("20") int batch) {

    public RefundProperties {
        requirePositive("window", window);
        requirePositive("submit-interval", submitInterval);
        requirePositive("retry-backoff", retryBackoff);
        requirePositive("lease", lease);
        if (maxBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("order.refund.max-backoff %s is shorter than order.refund.retry-backoff %s"
                    .formatted(maxBackoff, retryBackoff));
        }
        if (batch < 1) {
            throw new IllegalArgumentException("order.refund.batch must be at least 1: " + batch);
        }
    }

    /** The wait after the {@code attempts}-th failed submission: doubling from retryBackoff, never above maxBackoff. */
    public Duration backoff(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("order.refund.%s must be positive: %s".formatted(name, value));
        }
    }
}
