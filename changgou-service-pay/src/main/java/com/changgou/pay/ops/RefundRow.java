package com.changgou.pay.ops;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/** A {@code refund_record} row as the story shows it. */
record RefundRow(String outRefundNo, RefundState state, long refundFee, String refundId, String reason,
                 String refusal, Instant createdAt, Instant updatedAt) {
}
