package com.changgou.pay.alipay;

import java.time.Instant;

/**
 * What asking Alipay for a refund came to. {@code description} is fit for the log and the refund's
 * record (Alipay's sub_code and sub_msg, or what stood in the way), never a key.
 */
public record AlipayRefundAnswer(Kind kind, String tradeNo, Instant refundedAt, String description) {

    public enum Kind {
        /** code 10000 with fund_change Y: the money went back. */
        REFUNDED,
        /** code 10000 without a fund change reported: taken; alipay.trade.fastpay.refund.query settles it. */
        ACCEPTED,
        /** ACQ.SYSTEM_ERROR, no answer, an answer not believed: ask again with the same out_request_no. */
        RETRY_LATER,
        /** Any other business failure: Alipay will never make this refund. */
        REFUSED
    }
}
