package com.changgou.pay.wechat;

/**
 * A notification body that must not be believed: malformed, oversized, DOCTYPE or entities,
 * missing or wrong signature, another merchant's appid/mch_id, or not a SUCCESS result.
 * The message says which, and never contains the merchant key. {@link #problem()} says it as one
 * word; {@link #reference()} is the out_trade_no (or out_refund_no) the body named, when it could be
 * read at all (unverified: it is what the body claims, nothing more).
 */
public class InvalidNotificationException extends RuntimeException {

    /** Why a notification is not believed, as the notification log counts it. */
    public enum Problem {
        MALFORMED,
        BAD_SIGNATURE,
        MERCHANT_MISMATCH,
        DECRYPT_FAILED,
        NOT_SUCCESS
    }

    private final Problem problem;
    private final String reference;

    public InvalidNotificationException(Problem problem, String reference, String reason) {
        super(reason);
        this.problem = problem;
        this.reference = reference;
    }

    /** Malformed, naming nothing readable. */
    public InvalidNotificationException(String reason) {
        this(Problem.MALFORMED, null, reason);
    }

    public Problem problem() {
        return problem;
    }

    public String reference() {
        return reference;
    }
}
