package com.changgou.pay.refund;

/** What applying a {@link RefundReport} came to. {@code reason} says why when it was not applied. */
public record Reported(Outcome outcome, String reason) {

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

    /** True when WeChat's word is durably reflected, so WeChat may stop telling us. */
    public boolean stored() {
        return outcome != Outcome.REJECTED;
    }
}
