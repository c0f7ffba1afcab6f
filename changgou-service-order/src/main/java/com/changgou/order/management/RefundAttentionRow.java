package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.RefundKind;
import java.time.Instant;

/** A refund that needs a person, with its order's shopper; {@code amount} in fen, {@code updateTime} when it got here. */
public record RefundAttentionRow(
        String id,
        String orderId,
        String username,
        RefundKind kind,
        OrderRefundState state,
        long amount,
        String refusal,
        Instant updateTime) {
}
