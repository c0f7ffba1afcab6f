package com.changgou.pay.api.ops;

import java.time.Instant;

/**
 * One notification the pay service received and what it made of it. {@code kind} is PAYMENT or
 * REFUND; {@code verdict} ACCEPTED (stored), DUPLICATE (already stored: answered SUCCESS, changed
 * nothing) or REFUSED (answered FAIL) with {@code reason} (the metric's reason tag, e.g.
 * {@code bad_signature}) and {@code detail}; {@code reference} is the out_trade_no (or out_refund_no)
 * it named, when it could be read; {@code traceId} finds its log lines in every app.
 */
public record NotificationEntry(
        long id,
        Instant receivedAt,
        String channel,
        String kind,
        String verdict,
        String reason,
        String detail,
        String reference,
        String traceId) {
}
