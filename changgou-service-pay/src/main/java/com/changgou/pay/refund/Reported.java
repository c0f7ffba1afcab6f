package com.changgou.pay.refund;

/**
 * What applying a {@link RefundReport} came to. {@code rejection} and {@code reason} say why (as one word
 * and in words) when it was rejected.
 */
public record Reported(Outcome outcome, Rejection rejection, String reason) {

    public enum Outcome {
        /** This call moved the refund and wrote its log and messages. */
        APPLIED,
        /** The refund already stands where WeChat says: nothing new. */
        DUPLICATE,
        /** WeChat says what the refund has moved past already: nothing to do. */
        STALE,
        /** Does not match what we hold, or contradicts a final state: nothing changed. */
        REJECTED
    }

    /** Why WeChat's word was not applied. */
    public enum Rejection {
        /** No refund has that out_refund_no. */
        UNKNOWN_REFUND,
        /** The refund's or the payment's amount is not the stored one. */
        AMOUNT_MISMATCH,
        /** The trade, transaction or refund id is not the stored refund's. */
        TRADE_MISMATCH,
        /** It contradicts the refund's final state. */
        STATE_CONFLICT
    }

    static Reported of(Outcome outcome) {
        return new Reported(outcome, null, null);
    }

    static Reported rejected(Rejection rejection, String reason) {
        return new Reported(Outcome.REJECTED, rejection, reason);
    }

    /** True when WeChat's word is durably reflected, so WeChat may stop telling us. */
    public boolean stored() {
        return outcome != Outcome.REJECTED;
    }
}
