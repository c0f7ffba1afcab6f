package com.changgou.sandbox.refund;

/**
 * How a refund misbehaves. Faults of different kinds combine (a refund may end CHANGE and have its
 * notification dropped); within a kind, a refund's own fault wins over the one for every refund.
 */
public enum RefundFaultMode {
    /** The refund API answers result_code FAIL, err_code NOTENOUGH (商户可用退款余额不足). */
    NOTENOUGH(Kind.ANSWER),
    /** The refund API answers result_code FAIL, err_code SYSTEMERROR: the merchant must retry the same request. */
    SYSTEMERROR(Kind.ANSWER),
    /**
     * The refund is accepted and made, but the answer leaves only after {@code delayMillis} (not scaled):
     * the merchant's call times out, or the merchant dies, after WeChat has taken the refund. Asking
     * again with the same out_refund_no must find that one refund.
     */
    SLOW_ANSWER(Kind.ANSWER),
    /** The refund ends REFUNDCLOSE instead of SUCCESS. */
    REFUNDCLOSE(Kind.OUTCOME),
    /** The refund ends CHANGE instead of SUCCESS. */
    CHANGE(Kind.OUTCOME),
    /** The first {@code count} notification attempts are lost (absent: never sent). */
    DROP(Kind.NOTIFICATION),
    /** {@code count} genuine copies of the notification (default 2). */
    DUPLICATE(Kind.NOTIFICATION),
    /** The first notification attempt waits {@code delayMillis} more (not scaled). */
    DELAY(Kind.NOTIFICATION);

    /** Where in a refund's life the fault acts. */
    public enum Kind { ANSWER, OUTCOME, NOTIFICATION }

    private final Kind kind;

    RefundFaultMode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
