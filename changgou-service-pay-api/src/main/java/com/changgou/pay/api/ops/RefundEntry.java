package com.changgou.pay.api.ops;

import com.changgou.common.ops.StateChange;
import com.changgou.pay.api.RefundState;
import java.time.Instant;
import java.util.List;

/** One refund of a payment, as the pay service holds it, with its log rows (oldest first). */
public record RefundEntry(
        String outRefundNo,
        RefundState state,
        long refundFee,
        String refundId,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        List<StateChange> log) {
}
