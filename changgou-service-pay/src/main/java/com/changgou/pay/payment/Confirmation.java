package com.changgou.pay.payment;

/** What applying a {@link PaidTrade} came to. {@code reason} says why when it was rejected. */
public record Confirmation(Outcome outcome, String reason) {

    public enum Outcome {
        /** This call moved the record to SUCCESS and wrote the messages. */
        APPLIED,
        /** Already SUCCESS with the same transaction: nothing new. */
        DUPLICATE,
        /** Does not match what we hold: nothing changed. */
        REJECTED
    }

    static Confirmation applied() {
        return new Confirmation(Outcome.APPLIED, null);
    }

    static Confirmation duplicate() {
        return new Confirmation(Outcome.DUPLICATE, null);
    }

    static Confirmation rejected(String reason) {
        return new Confirmation(Outcome.REJECTED, reason);
    }

    /** True when the payment is durably recorded, so WeChat may stop telling us. */
    public boolean stored() {
        return outcome != Outcome.REJECTED;
    }
}
