package com.changgou.pay.refund;

import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import java.time.Instant;

/**
 * A row of {@code refund_record}: one refund of one payment (pay record), in fen; {@code totalFee} is
 * the payment's. {@code refundId} is WeChat's, once it accepted; {@code refusal} why a REFUSED refund
 * was never made.
 */
public record RefundRecord(
        String outRefundNo,
        String outTradeNo,
        String orderId,
        String transactionId,
        long refundFee,
        long totalFee,
        RefundState state,
        String refundId,
        String reason,
        String refusal,
        Instant successTime,
        int attempts,
        Instant createTime,
        Instant updateTime) {

    RefundView view() {
        return new RefundView(outRefundNo, orderId, outTradeNo, transactionId, refundFee, totalFee, state, refusal,
                successTime);
    }
}
