package com.changgou.pay.api.message;

import java.time.Instant;

/**
 * Body of a message on {@code order.pay.result}: WeChat confirmed that an order was paid.
 * {@code messageId} is unique per pay record, so consumers can drop redeliveries.
 */
public record PayResultMessage(
        String messageId,
        String type,
        Instant occurredAt,
        String orderId,
        String outTradeNo,
        String transactionId,
        long totalFee,
        String timeEnd) {

    public static final String TYPE = "order.paid";
}
