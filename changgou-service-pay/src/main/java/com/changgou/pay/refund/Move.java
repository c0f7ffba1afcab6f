package com.changgou.pay.refund;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/**
 * One move of a refund to {@code to}, with what WeChat told about it: {@code refundId} (kept once
 * stored), {@code refusal} for REFUSED, {@code raw} the notification's details, {@code successTime};
 * {@code nextTryAt} when the worker asks about it next (null: never). {@code why} goes to the log.
 */
record Move(RefundState to, String refundId, String refusal, String raw, Instant successTime, Instant nextTryAt,
            String why) {

    static Move accepted(String refundId, Instant queryAt) {
        return new Move(RefundState.PROCESSING, refundId, null, null, null, queryAt, "WeChat accepted, refund_id " + refundId);
    }

    /** Alipay took the refund without saying the money moved: fastpay.refund.query settles it after {@code queryAt}. */
    static Move acceptedByAlipay(Instant queryAt) {
        return new Move(RefundState.PROCESSING, null, null, null, null, queryAt, "Alipay accepted, fund_change N");
    }

    /** Alipay moved the money at once (fund_change Y). */
    static Move refundedByAlipay(Instant refundedAt) {
        return new Move(RefundState.SUCCESS, null, null, null, refundedAt, null, "Alipay refunded, fund_change Y");
    }

    static Move refused(String refusal) {
        return new Move(RefundState.REFUSED, null, refusal, null, null, null, refusal);
    }
}
