package com.changgou.pay.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pay.refund.*}: how the refund worker asks WeChat again.
 *
 * @param interval      how often the worker looks for due refunds
 * @param queryGrace    how long an accepted (PROCESSING) refund waits for its notification before
 *                      refundquery asks
 * @param backoffInitial the wait after the first ask that did not settle a refund, doubling per ask
 * @param backoffMax    the longest wait between two asks (also how often a CHANGE refund is asked)
 * @param lease         how long a claimed refund stays invisible to other instances: must outlast
 *                      one call to WeChat with its retries
 */
@ConfigurationProperties("pay.refund")
public record RefundProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("5s") Duration queryGrace,
        @DefaultValue("5s") Duration backoffInitial,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("20") int batchSize) {
}
