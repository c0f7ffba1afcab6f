package com.changgou.pay.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code grace}: how long a NOTPAY record waits for its notification before we ask WeChat.
 * {@code backoffInitial}/{@code backoffMax}: the per-record spacing of later queries; the first
 * one is also the claim's lease, so it must outlast a query's timeout.
 */
@ConfigurationProperties("pay.reconcile")
public record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration grace,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("15s") Duration backoffInitial,
        @DefaultValue("10m") Duration backoffMax) {
}
