package com.changgou.order.api.ops;

import java.time.Instant;

/** One thing an operator did (re-drive, discard, approve, retry), on what, why, and how it ended. */
public record OperatorActionEntry(
        long id,
        Instant at,
        String operator,
        String action,
        String subject,
        String reason,
        String outcome) {
}
