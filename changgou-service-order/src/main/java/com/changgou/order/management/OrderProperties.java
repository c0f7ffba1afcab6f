package com.changgou.order.management;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.*}: how long an unpaid order lives, how the backstop sweep runs, which snowflake
 * worker this instance is (two instances must not share a worker/datacenter pair), and the most one
 * order may cost.
 *
 * @param timeout       how long an order may stay unpaid (also WeChat's time_expire)
 * @param sweepGrace    how long past its expiry an unpaid order waits for its delay message before the sweep acts
 * @param sweepInterval pause between two sweeps
 * @param sweepBatch    orders closed per sweep at most
 * @param maxTotalFen   the most one order may cost, in fen; a larger order is refused
 */
@ConfigurationProperties("order")
public record OrderProperties(
        @DefaultValue("PT30M") Duration timeout,
        @DefaultValue("PT2M") Duration sweepGrace,
        @DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("100") int sweepBatch,
        @DefaultValue("0") long workerId,
        @DefaultValue("0") long datacenterId,
        @DefaultValue("10000000") long maxTotalFen) {

    public OrderProperties {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() % 1000 != 0) {
            // the delay queue is named after whole seconds, and its TTL must match the name
            throw new IllegalArgumentException("order.timeout must be a positive whole number of seconds: " + timeout);
        }
        if (maxTotalFen < 1) {
            throw new IllegalArgumentException("order.max-total-fen must be at least 1: " + maxTotalFen);
        }
    }
}
