package com.changgou.sandbox.notify;

import com.changgou.sandbox.refund.SandboxRefund;
import java.time.Instant;

/** What a refund notification tells, for a real refund or a made-up one; {@code successTime} null unless SUCCESS. */
record RefundNotice(
        String transactionId,
        String outTradeNo,
        String refundId,
        String outRefundNo,
        long totalFee,
        long refundFee,
        String refundStatus,
        Instant successTime) {

    static RefundNotice of(SandboxRefund refund) {
        SandboxRefund.Snapshot now = refund.snapshot();
        return new RefundNotice(refund.transactionId(), refund.outTradeNo(), refund.refundId(), refund.outRefundNo(),
                refund.totalFee(), refund.refundFee(), now.status().name(), now.successTime().orElse(null));
    }
}
