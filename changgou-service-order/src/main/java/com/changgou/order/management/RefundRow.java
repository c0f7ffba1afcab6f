package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.RefundKind;
import java.time.Instant;

/**
 * One row of {@code tb_order_refund}: {@code id} is the out_refund_no; {@code amount} in fen;
 * {@code transactionId} names WeChat's payment to refund (null: the order's one payment).
 */
public record RefundRow(
        String id,
        String orderId,
        String transactionId,
        long amount,
        String reason,
        RefundKind kind,
        OrderRefundState state,
        String refusal,
        int attempts,
        Instant nextTryAt,
        Instant createTime,
        Instant updateTime) {
}
