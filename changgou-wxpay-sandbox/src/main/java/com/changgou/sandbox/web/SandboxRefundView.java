package com.changgou.sandbox.web;

import com.changgou.common.Money;
import com.changgou.sandbox.refund.RefundCalls;
import com.changgou.sandbox.refund.SandboxRefund;
import com.changgou.sandbox.trade.NotifyAttempt;
import java.time.Instant;
import java.util.List;

/**
 * A refund as the JSON API and the console show it; amounts in fen, yuan only for display. {@code refundRequests}
 * and {@code refundQueries}: how often the merchant sent this out_refund_no to /secapi/pay/refund and refundquery.
 */
record SandboxRefundView(
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        String refundId,
        long totalFee,
        long refundFee,
        String refundYuan,
        String status,
        String statusDesc,
        String refundDesc,
        String notifyUrl,
        String signType,
        Instant createdAt,
        Instant settledAt,
        Instant successTime,
        List<String> faults,
        int refundRequests,
        int refundQueries,
        List<NotifyAttempt> notifications) {

    static SandboxRefundView of(SandboxRefund refund, RefundCalls.Counts calls) {
        SandboxRefund.Snapshot now = refund.snapshot();
        return new SandboxRefundView(refund.outRefundNo(), refund.outTradeNo(), refund.transactionId(),
                refund.refundId(), refund.totalFee(), refund.refundFee(), Money.yuan(refund.refundFee()),
                now.status().name(), now.status().description(), refund.request().refundDesc(),
                refund.request().notifyUrl(), refund.request().signType().wireName(), refund.createdAt(),
                now.settledAt(), now.successTime().orElse(null), now.faults(), calls.refundRequests(),
                calls.refundQueries(), now.attempts());
    }
}
