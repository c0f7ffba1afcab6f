package com.changgou.pay.notifylog;

import com.changgou.pay.api.PayChannel;
import java.time.Instant;

/** A row of {@code notify_log} as written. */
record NotifyLogRow(
        Instant receivedAt,
        PayChannel channel,
        NotifyKind kind,
        NotifyVerdict verdict,
        String reason,
        String detail,
        String reference,
        String traceId) {
}
