package com.changgou.pay.payment;

import com.changgou.pay.api.PayState;
import java.util.EnumSet;
import java.util.Set;

/** The one place that says which pay record states may move to which. */
final class PayTransitions {

    /**
     * CLOSED may still become SUCCESS: WeChat can take the money after we closed the record
     * (a close that raced a payment). The money is real, so it is recorded and the order service
     * decides on the refund.
     */
    private static final Set<PayState> TO_SUCCESS = EnumSet.of(PayState.NOTPAY, PayState.USERPAYING, PayState.CLOSED);

    private static final Set<PayState> TO_CLOSED = EnumSet.of(PayState.NOTPAY, PayState.USERPAYING);

    private PayTransitions() {
    }

    static boolean canMove(PayState from, PayState to) {
        return switch (to) {
            case SUCCESS -> TO_SUCCESS.contains(from);
            case CLOSED -> TO_CLOSED.contains(from);
            default -> false;
        };
    }
}
