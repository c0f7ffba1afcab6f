package com.changgou.order.management;

import java.time.Instant;

/**
 * An order moved UNPAID → PAID, published inside that transaction: {@code reportedAt} is when the pay
 * service stored WeChat's result (null when the message did not say), {@code paidAt} when the order
 * took it here. Metrics count it after the commit.
 */
public record OrderPaid(String orderId, Instant reportedAt, Instant paidAt) {
}
