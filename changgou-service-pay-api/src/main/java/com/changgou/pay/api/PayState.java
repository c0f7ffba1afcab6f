package com.changgou.pay.api;

/**
 * The state of a pay record, named after WeChat's {@code trade_state} values it mirrors.
 * {@link #canMoveTo} is the one place that says how a record may change; every conditional update
 * of a record asks it first.
 */
public enum PayState {
    NOTPAY,
    USERPAYING,
    SUCCESS,
    CLOSED,
    PAYERROR,
    REVOKED,
    REFUND;

    /**
     * The allowed moves:
     * <ul>
     * <li>NOTPAY, USERPAYING → SUCCESS: WeChat took the money.</li>
     * <li>NOTPAY, USERPAYING → CLOSED: we (or WeChat) closed the trade unpaid.</li>
     * <li>CLOSED → SUCCESS: a payment that won the race with our close. WeChat took the money after
     * we asked to close, so it is real: SUCCESS stands, and the order service decides the refund.</li>
     * </ul>
     * Nothing else moves; SUCCESS is final. A refund is a record of its own ({@link RefundState}): the
     * pay record stays SUCCESS, and {@link #REFUND} appears only in the push that tells a page a refund
     * of its payment finished.
     */
    public boolean canMoveTo(PayState next) {
        return switch (this) {
            case NOTPAY, USERPAYING -> next == SUCCESS || next == CLOSED;
            case CLOSED -> next == SUCCESS;
            case SUCCESS, PAYERROR, REVOKED, REFUND -> false;
        };
    }

    /** Still payable: the shopper's QR code may yet be paid, and the trade may yet be closed. */
    public boolean isOpen() {
        return canMoveTo(CLOSED);
    }
}
