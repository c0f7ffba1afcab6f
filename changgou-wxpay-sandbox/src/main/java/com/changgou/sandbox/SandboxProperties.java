package com.changgou.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one merchant this WeChat knows, and how the sandbox bends time. {@code timeScale} multiplies every wait
 * of the notification schedule, the optional close delay and the refund delay (0.01 turns WeChat's 15 s into
 * 150 ms). {@code refundDelay}: how long a refund stays PROCESSING before it ends (2 s when not set).
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        String appId,
        String mchId,
        String key,
        double timeScale,
        boolean enforceCloseDelay,
        Duration closeDelay,
        Duration codeUrlTtl,
        int recentLimit,
        Notification notification,
        Duration refundDelay) {

    private static final Duration DEFAULT_REFUND_DELAY = Duration.ofSeconds(2);

    public SandboxProperties {
        if (refundDelay == null) {
            refundDelay = DEFAULT_REFUND_DELAY;
        }
        if (refundDelay.isNegative()) {
            throw new IllegalArgumentException("sandbox.refund-delay (SANDBOX_REFUND_DELAY) must not be negative");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("sandbox.key (WXPAY_KEY) must be set");
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("sandbox.time-scale (SANDBOX_TIME_SCALE) must be positive");
        }
    }

    /** How notifications are sent: timeouts of one POST and how many may be in flight at once. */
    public record Notification(Duration connectTimeout, Duration readTimeout, int maxInFlight, int threads) {
    }

    public Duration scaled(Duration duration) {
        return Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
    }
}
