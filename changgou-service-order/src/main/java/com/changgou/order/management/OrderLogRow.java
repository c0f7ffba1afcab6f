package com.changgou.order.management;

import com.changgou.order.api.OrderStatus;
import java.time.Instant;

/** One row of {@code tb_order_log}: a state change, who made it and why. {@code fromStatus} is null on creation. */
public record OrderLogRow(
        Long id,
        String orderId,
        OrderStatus fromStatus,
        OrderStatus toStatus,
        Operator operator,
        String remark,
        String transactionId,
        Instant createTime) {
}
