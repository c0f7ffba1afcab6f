package com.changgou.sandbox.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** WeChat's waits between notification attempts: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h. */
final class RetrySchedule {

    static final List<Duration> WECHAT = List.of(
            Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(3),
            Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(3),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(6));

    private RetrySchedule() {
    }

    /** The unscaled wait after attempt {@code attempt} (1-based) failed; empty once WeChat gives up. */
    static Optional<Duration> waitAfter(int attempt) {
        return attempt >= 1 && attempt <= WECHAT.size() ? Optional.of(WECHAT.get(attempt - 1)) : Optional.empty();
    }
}
