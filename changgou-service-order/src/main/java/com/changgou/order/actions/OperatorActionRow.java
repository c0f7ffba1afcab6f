package com.changgou.order.actions;

import java.time.Instant;

/** One row of {@code tb_operator_action}; {@code orderId} is null when the subject names no order. */
public record OperatorActionRow(
        Long id,
        Instant at,
        String operator,
        OperatorAction action,
        String subject,
        String orderId,
        String reason,
        String outcome) {
}
