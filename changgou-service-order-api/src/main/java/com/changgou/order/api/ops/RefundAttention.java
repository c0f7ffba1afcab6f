package com.changgou.order.api.ops;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.RefundKind;
import java.time.Instant;

/**
 * A refund that needs a person: WeChat answered CHANGE (the money could not go back where it came
 * from), or money paid after close could not be returned (refused or closed). {@code why} says which,
 * in words; amount in fen.
 */
public record RefundAttention(
        String refundId,
        String orderId,
        String username,
        RefundKind kind,
        OrderRefundState state,
        long amountFen,
        String why,
        Instant since) {
}
