package com.changgou.order.api;

/**
 * Where an order stands. The only moves are UNPAID→PAID and UNPAID→CLOSED: a paid or closed
 * order never changes again. {@link #canMoveTo} is the one place that says so; the order service
 * asks it before every conditional update (whose {@code WHERE} still guards against races).
 */
public enum OrderStatus {
    UNPAID,
    PAID,
    CLOSED;

    public boolean canMoveTo(OrderStatus next) {
        return this == UNPAID && (next == PAID || next == CLOSED);
    }
}
