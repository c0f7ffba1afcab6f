package com.changgou.pay.refund;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/**
 * WeChat's word about a refund, from a decrypted notification or a refundquery: matched against the
 * stored refund field by field before it changes anything. {@code raw} is what WeChat sent (the
 * notification's decrypted details), null for a query.
 */
public record RefundReport(
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        String refundId,
        long totalFee,
        long refundFee,
        RefundState state,
        Instant successTime,
        String raw) {
}
