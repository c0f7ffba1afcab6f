package com.changgou.order.api;

/**
 * Where an order stands. {@link #canMoveTo} is the one place that says how an order may change; the
 * order service asks it before every conditional update (whose {@code WHERE} still guards against
 * races).
 */
public enum OrderStatus {
    UNPAID,
    PAID,
    CLOSED,
    /** Some refund of it is on its way (asked for, at the pay service, or waiting for a person). */
    REFUNDING,
    /** Everything paid went back. Final. */
    REFUNDED,
    /** Part of what was paid went back and nothing more is on its way; more may still be refunded. */
    PARTIALLY_REFUNDED;

    /**
     * The allowed moves:
     * <ul>
     * <li>UNPAID → PAID (WeChat took the money), → CLOSED (nobody paid in time).</li>
     * <li>PAID, PARTIALLY_REFUNDED → REFUNDING: a refund was asked for.</li>
     * <li>REFUNDING → REFUNDED (the refunded sum is what was paid), → PARTIALLY_REFUNDED (some was
     * refunded, nothing more is on its way), → PAID (nothing was refunded: every refund was refused or
     * closed).</li>
     * </ul>
     * CLOSED and REFUNDED are final.
     */
    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case UNPAID -> next == PAID || next == CLOSED;
            case PAID, PARTIALLY_REFUNDED -> next == REFUNDING;
            case REFUNDING -> next == REFUNDED || next == PARTIALLY_REFUNDED || next == PAID;
            case CLOSED, REFUNDED -> false;
        };
    }

    /** Money was taken for it and some of it may still be given back. */
    public boolean isRefundable() {
        return canMoveTo(REFUNDING);
    }
}
