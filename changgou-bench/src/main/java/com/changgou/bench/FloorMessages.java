package com.changgou.bench;

import java.time.Instant;

/**
 * The bodies of the messages a payment sends, field for field as the suite's records (pay-api's
 * PayResultMessage and PayNotifyMessage, order-api's OrderEvent), written as JSON with Jackson as the
 * suite's outboxes write them. The floor cannot depend on those modules: they bring Spring Cloud along.
 */
final class FloorMessages {

    static final String PAY_RESULT = "order.paid";
    static final String PAY_NOTIFY = "pay.notify";
    static final String ORDER_PAID = "order.paid";

    /** On order.pay.result: WeChat confirmed that an order was paid. */
    record PayResult(String messageId, String type, Instant occurredAt, String orderId, String outTradeNo,
                     String transactionId, long totalFee, Instant paidAt) {
    }

    /** On paynotify, routed by the payment's token: what the waiting page hears. */
    record PayNotify(String messageId, String type, Instant occurredAt, String token, String state) {
    }

    /** On order.events: the order was paid. */
    record OrderEvent(String eventId, String type, Instant occurredAt, String orderId, String username,
                      String businessType, long amountFen, long paidFen) {
    }

    private FloorMessages() {
    }

    static String json(Object body) {
        return Http.JSON.writeValueAsString(body);
    }
}
