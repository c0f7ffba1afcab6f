package com.changgou.pay.api;

/**
 * Where a refund stands. {@code PROCESSING}, {@code SUCCESS}, {@code CHANGE} and {@code REFUNDCLOSE}
 * are WeChat's own {@code refund_status} values; {@code PENDING} and {@code REFUSED} are the suite's:
 * a refund is stored as PENDING before WeChat is asked (so a crash between WeChat accepting it and
 * the answer being stored is retried with the same {@code out_refund_no} and stays one refund), and
 * ends REFUSED when WeChat (or the pay service's own check) will never make it.
 * {@link #canMoveTo} is the one place that says how a refund may change.
 */
public enum RefundState {
    /** Stored; WeChat has not (yet) accepted it. Retried with the same out_refund_no. */
    PENDING,
    /** WeChat accepted it and is moving the money. */
    PROCESSING,
    /** The money is back with the shopper. */
    SUCCESS,
    /** WeChat could not return the money to where it came from: a person must act. */
    CHANGE,
    /** WeChat closed the refund: no money moved. */
    REFUNDCLOSE,
    /** Never made: more than is left to refund, or WeChat refused it for good. No money moved. */
    REFUSED;

    /**
     * The allowed moves:
     * <ul>
     * <li>PENDING → PROCESSING (WeChat accepted), → REFUSED (refused for good), → SUCCESS, CHANGE,
     * REFUNDCLOSE (a query or notification outran the stored acceptance).</li>
     * <li>PROCESSING → SUCCESS, CHANGE, REFUNDCLOSE: WeChat's outcome.</li>
     * <li>CHANGE → SUCCESS, REFUNDCLOSE: what the person who acted on it achieved.</li>
     * </ul>
     * SUCCESS, REFUNDCLOSE and REFUSED are final.
     */
    public boolean canMoveTo(RefundState next) {
        return switch (this) {
            case PENDING -> next == PROCESSING || next == REFUSED || next == SUCCESS || next == CHANGE || next == REFUNDCLOSE;
            case PROCESSING -> next == SUCCESS || next == CHANGE || next == REFUNDCLOSE;
            case CHANGE -> next == SUCCESS || next == REFUNDCLOSE;
            case SUCCESS, REFUNDCLOSE, REFUSED -> false;
        };
    }

    /** No move leads out of it. */
    public boolean isFinal() {
        return this == SUCCESS || this == REFUNDCLOSE || this == REFUSED;
    }

    /**
     * The refund's amount counts against what is left to refund of its payment: it has gone back or
     * may still go. Only REFUNDCLOSE and REFUSED give the amount back to refund again.
     */
    public boolean holdsMoney() {
        return this != REFUNDCLOSE && this != REFUSED;
    }
}
