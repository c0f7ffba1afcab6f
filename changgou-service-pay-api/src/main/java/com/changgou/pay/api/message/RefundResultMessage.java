package com.changgou.pay.api.message;

import com.changgou.pay.api.RefundState;
import java.time.Instant;

/**
 * Body of a message on {@code order.refund.result}: a refund reached a state the order service
 * acts on (SUCCESS, CHANGE, REFUNDCLOSE or REFUSED). {@code messageId} is unique per refund and
 * state, so consumers can drop redeliveries. {@code refundFee} is in fen; {@code reason} is why it
 * was refused or closed (null otherwise); {@code refundedAt} is when WeChat returned the money.
 */
public record RefundResultMessage(
        String messageId,
        String type,
        Instant occurredAt,
        String orderId,
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        long refundFee,
        RefundState state,
        String reason,
        Instant refundedAt) {

    public static final String TYPE = "order.refund";
}
