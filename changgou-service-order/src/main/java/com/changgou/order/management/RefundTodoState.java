package com.changgou.order.management;

/** Where a refund to make stands. Only TODO exists until refunds are made; they add their states and moves here. */
public enum RefundTodoState {
    TODO;

    /** The one place that says which moves are allowed: none yet. */
    public boolean canMoveTo(RefundTodoState next) {
        return false;
    }
}
