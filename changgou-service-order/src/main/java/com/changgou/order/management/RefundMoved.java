package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;

/** One of an order's refunds entered {@code state} (REQUESTED when it was made), published inside that transaction. */
public record RefundMoved(String refundId, String orderId, OrderRefundState state) {
}
