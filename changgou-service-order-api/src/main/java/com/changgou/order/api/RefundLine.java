package com.changgou.order.api;

import java.time.Instant;

/**
 * One refund of an order: {@code id} is its {@code out_refund_no} at the pay service,
 * {@code amountFen} in fen; {@code refusal} says why a REFUSED or CLOSED refund moved no money
 * (null otherwise).
 */
public record RefundLine(
        String id,
        long amountFen,
        RefundKind kind,
        OrderRefundState state,
        String refusal,
        Instant createTime,
        Instant updateTime) {
}
