package com.changgou.pay.api;

import java.time.Instant;

/**
 * A refund as the pay service stores it. {@code refundFee} and {@code totalFee} (the payment's) are
 * in fen; {@code refusal} says why a REFUSED refund was never made (null otherwise);
 * {@code refundedAt} is when WeChat returned the money (null until SUCCESS).
 */
public record RefundView(
        String outRefundNo,
        String orderId,
        String outTradeNo,
        String transactionId,
        long refundFee,
        long totalFee,
        RefundState state,
        String refusal,
        Instant refundedAt) {
}
