package com.changgou.pay.api.message;

import java.time.Instant;

/**
 * Body of a message on {@code order.pay.result}: WeChat confirmed that an order was paid.
 * {@code messageId} is unique per pay record, so consumers can drop redeliveries. {@code totalFee}
 * is in fen; {@code paidAt} is when WeChat took the money (null in results published before it
 * existed, which carried WeChat's own {@code timeEnd} text instead: readers ignore that field).
 */
public record PayResultMessage(
        String messageId,
        String type,
        Instant occurredAt,
        String orderId,
        String outTradeNo,
        String transactionId,
        long totalFee,
        Instant paidAt) {

    public static final String TYPE = "order.paid";
}
