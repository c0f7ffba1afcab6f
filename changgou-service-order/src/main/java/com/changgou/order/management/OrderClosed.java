package com.changgou.order.management;

/** An unpaid order was closed (its timeout, the one path that closes orders), published inside that transaction. */
public record OrderClosed(String orderId) {
}
