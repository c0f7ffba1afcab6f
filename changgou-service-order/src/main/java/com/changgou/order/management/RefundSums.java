package com.changgou.order.management;

/**
 * An order's refunds added up, in fen: {@code refundedFen} went back (SUCCESS), {@code inFlightFen} may
 * still go (REQUESTED, SUBMITTED, CHANGE). Refunds of money paid after the order closed are not the
 * order's payment and are left out.
 */
public record RefundSums(long refundedFen, long inFlightFen) {

    /** What may still be asked for of {@code paidFen}. */
    public long leftOf(long paidFen) {
        return paidFen - refundedFen - inFlightFen;
    }
}
