package com.changgou.sandbox.alipay.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Alipay's waits between notification attempts: 4m, 10m, 10m, 1h, 2h, 6h, 15h (8 attempts in about 25 h). */
final class AlipayRetrySchedule {

    static final List<Duration> ALIPAY = List.of(
            Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));

    private AlipayRetrySchedule() {
    }

    /** The unscaled wait after attempt {@code attempt} (1-based) failed; empty once Alipay gives up. */
    static Optional<Duration> waitAfter(int attempt) {
        return attempt >= 1 && attempt <= ALIPAY.size() ? Optional.of(ALIPAY.get(attempt - 1)) : Optional.empty();
    }
}
