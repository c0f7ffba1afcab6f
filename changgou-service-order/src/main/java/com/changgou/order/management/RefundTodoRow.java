package com.changgou.order.management;

import java.time.Instant;

/** Money WeChat took that the order cannot keep; {@code amount} in fen; {@code refundId} the refund that gives it back. */
public record RefundTodoRow(Long id, String orderId, String transactionId, String refundId, long amount, String reason,
        RefundTodoState state, Instant createTime) {
}
