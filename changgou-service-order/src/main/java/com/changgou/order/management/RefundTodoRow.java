package com.changgou.order.management;

import java.time.Instant;

/** Money WeChat took that the order cannot keep; {@code amount} in fen. */
public record RefundTodoRow(Long id, String orderId, String transactionId, long amount, String reason,
        RefundTodoState state, Instant createTime) {
}
