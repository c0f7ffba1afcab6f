package com.changgou.pay.payment;

/**
 * What applying a {@link PaidTrade} came to. {@code rejection} and {@code reason} say why (as one word
 * and in words) when it was rejected.
 */
public record Confirmation(Outcome outcome, Rejection rejection, String reason) {

    public enum Outcome {
        /** This call moved the record to SUCCESS and wrote the messages. */
        APPLIED,
        /** Already SUCCESS with the same transaction: nothing new. */
        DUPLICATE,
        /** Does not match what we hold: nothing changed. */
        REJECTED
    }

    /** Why a payment was not applied. */
    public enum Rejection {
        /** No pay record has that out_trade_no. */
        UNKNOWN_TRADE,
        /** The record collects at the other channel. */
        CHANNEL_MISMATCH,
        /** The amount is not the record's. */
        AMOUNT_MISMATCH,
        /** The record is paid by another transaction, or in a state that can never be paid. */
        STATE_CONFLICT
    }

    static Confirmation applied() {
        return new Confirmation(Outcome.APPLIED, null, null);
    }

    static Confirmation duplicate() {
        return new Confirmation(Outcome.DUPLICATE, null, null);
    }

    static Confirmation rejected(Rejection rejection, String reason) {
        return new Confirmation(Outcome.REJECTED, rejection, reason);
    }

    /** True when the payment is durably recorded, so WeChat may stop telling us. */
    public boolean stored() {
        return outcome != Outcome.REJECTED;
    }
}
