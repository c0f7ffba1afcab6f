package com.changgou.sandbox.notify;

import java.time.Instant;

/** A refund nobody asked for, described just enough to be notified: every id made up, amounts in fen. */
public record UnknownRefund(String outRefundNo, String outTradeNo, String transactionId, String refundId,
                            long totalFee, long refundFee, Instant successTime) {

    RefundNotice notice() {
        return new RefundNotice(transactionId, outTradeNo, refundId, outRefundNo, totalFee, refundFee, "SUCCESS",
                successTime);
    }
}
