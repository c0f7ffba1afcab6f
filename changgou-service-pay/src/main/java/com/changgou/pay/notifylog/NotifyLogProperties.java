package com.changgou.pay.notifylog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code retention}: how long a notification's row is kept ({@code PAY_NOTIFY_LOG_RETENTION}); the janitor
 * runs every {@code purgeInterval} and deletes at most {@code purgeBatch} rows per statement, so a purge
 * after a flood never holds locks for long.
 */
@ConfigurationProperties("pay.notify-log")
public record NotifyLogProperties(
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("PT10M") Duration purgeInterval,
        @DefaultValue("1000") int purgeBatch) {

    public NotifyLogProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("pay.notify-log.retention must be positive, is " + retention);
        }
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("pay.notify-log.purge-batch must be at least 1, is " + purgeBatch);
        }
    }
}
