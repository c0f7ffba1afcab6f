package com.changgou.sandbox.refund;

import com.changgou.sandbox.protocol.SignType;

/**
 * A validated {@code /secapi/pay/refund}. The trade is named by {@code transactionId} or, when that is null,
 * {@code outTradeNo}; {@code refundDesc} and {@code notifyUrl} may be null (no notify_url, no notification).
 */
public record RefundRequest(
        String outRefundNo,
        String transactionId,
        String outTradeNo,
        long totalFee,
        long refundFee,
        String refundDesc,
        String notifyUrl,
        SignType signType) {

    /** An honest retry repeats the amounts; anything else under the same out_refund_no is another refund. */
    boolean sameAmountsAs(RefundRequest other) {
        return totalFee == other.totalFee && refundFee == other.refundFee;
    }
}
