package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;

/**
 * Where a refund to do (money the order could not keep) stands. It follows the refund made for it:
 * TODO until the pay service has it, REFUNDING while it is on its way, then REFUNDED, or FAILED when
 * no money moved (closed or refused) and a person must look.
 */
public enum RefundTodoState {
    TODO,
    REFUNDING,
    REFUNDED,
    FAILED;

    /** The one place that says which moves are allowed: forward only, and an outcome may outrun the submission. */
    public boolean canMoveTo(RefundTodoState next) {
        return switch (this) {
            case TODO -> next == REFUNDING || next == REFUNDED || next == FAILED;
            case REFUNDING -> next == REFUNDED || next == FAILED;
            case REFUNDED, FAILED -> false;
        };
    }

    /**
     * Whether an operator may start it over with a new refund (its refund failed, or WeChat could not
     * complete it): the todo then names the new refund and is TODO again. Not a move its refund makes,
     * so not in {@link #canMoveTo}.
     */
    public boolean canRestart() {
        return this == FAILED || this == REFUNDING;
    }

    /** What a todo becomes when its refund reaches {@code state}. */
    public static RefundTodoState following(OrderRefundState state) {
        return switch (state) {
            case REQUESTED -> TODO;
            case SUBMITTED, CHANGE -> REFUNDING;
            case SUCCESS -> REFUNDED;
            case CLOSED, REFUSED -> FAILED;
        };
    }
}
