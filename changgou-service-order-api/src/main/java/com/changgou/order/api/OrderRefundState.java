package com.changgou.order.api;

/**
 * Where one of an order's refunds stands, as the order service sees it. {@link #canMoveTo} is the
 * one place that says how a refund may change.
 */
public enum OrderRefundState {
    /** Stored here; the pay service has not (yet) accepted it. Submitted again, with the same id, until it answers. */
    REQUESTED,
    /** The pay service has it and is moving the money. */
    SUBMITTED,
    /** The money is back with the shopper. */
    SUCCESS,
    /** WeChat closed the refund: no money moved. */
    CLOSED,
    /** Never made (more than is left to refund, or refused for good): no money moved. */
    REFUSED,
    /** WeChat could not return the money where it came from: a person must act; it may still end SUCCESS or CLOSED. */
    CHANGE;

    /**
     * The allowed moves:
     * <ul>
     * <li>REQUESTED → SUBMITTED (the pay service accepted it), → REFUSED, and → SUCCESS, CLOSED,
     * CHANGE (a result that outran the acceptance).</li>
     * <li>SUBMITTED → SUCCESS, CLOSED, CHANGE (WeChat's outcome), → REFUSED (refused for good later).</li>
     * <li>CHANGE → SUCCESS, CLOSED: what the person who acted on it achieved.</li>
     * </ul>
     * SUCCESS, CLOSED and REFUSED are final.
     */
    public boolean canMoveTo(OrderRefundState next) {
        return switch (this) {
            case REQUESTED -> next != REQUESTED;
            case SUBMITTED -> next == SUCCESS || next == CLOSED || next == CHANGE || next == REFUSED;
            case CHANGE -> next == SUCCESS || next == CLOSED;
            case SUCCESS, CLOSED, REFUSED -> false;
        };
    }

    /** Its amount may still go back: it counts against what is left to refund until it ends. */
    public boolean isInFlight() {
        return this == REQUESTED || this == SUBMITTED || this == CHANGE;
    }
}
