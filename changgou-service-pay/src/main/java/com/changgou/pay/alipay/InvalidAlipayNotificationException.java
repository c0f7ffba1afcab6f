package com.changgou.pay.alipay;

/**
 * An Alipay notification that must not be believed: malformed, repeated parameters, a wrong or missing
 * signature, another app's app_id or seller, an amount that is not exact yuan. The message says which,
 * never a key. {@link #problem()} says it as one word; {@link #reference()} is the out_trade_no the body
 * named, when it could be decoded (unverified: what the body claims, nothing more).
 */
public class InvalidAlipayNotificationException extends RuntimeException {

    /** Why a notification is not believed, as the notification log counts it. */
    public enum Problem {
        MALFORMED,
        BAD_SIGNATURE,
        MERCHANT_MISMATCH
    }

    private final Problem problem;
    private final String reference;

    public InvalidAlipayNotificationException(Problem problem, String reference, String reason) {
        super(reason);
        this.problem = problem;
        this.reference = reference;
    }

    public Problem problem() {
        return problem;
    }

    public String reference() {
        return reference;
    }
}
