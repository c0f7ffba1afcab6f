package com.changgou.order.management;

import com.changgou.order.api.event.OrderEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order events other services hear of, made from the rows they announce. Each is published as an
 * application event inside the transaction of its state change, whose listener (in the messaging
 * package, which knows the exchange) appends it to the outbox in that same transaction: the event
 * exists exactly when the change does. Its id names the fact, not the delivery, so the same fact can
 * never be appended twice (the outbox's key) and consumers drop redeliveries by it.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /**
     * The ids of every event an order can have announced: its payment and each of its refunds' success.
     * The ids name the facts, so the outbox rows of an order are found by them.
     */
    public static List<String> idsOf(String orderId, List<String> refundIds) {
        List<String> ids = new ArrayList<>();
        ids.add(paidId(orderId));
        refundIds.forEach(refundId -> ids.add(refundedId(refundId)));
        return ids;
    }

    private static String paidId(String orderId) {
        return "paid-" + orderId;
    }

    private static String refundedId(String refundId) {
        return "refunded-" + refundId;
    }

    /** UNPAID → PAID: the whole of {@code pay_money} was paid. */
    static OrderEvent paid(OrderRow order, Instant now) {
        return new OrderEvent(paidId(order.id()), OrderEvent.PAID, now, order.id(), order.username(),
                order.businessType(), order.payMoney(), order.payMoney());
    }

    /** One refund of a paid order reached SUCCESS: {@code amountFen} of the {@code paidFen} went back. */
    static OrderEvent refunded(OrderRow order, RefundRow refund, Instant now) {
        return new OrderEvent(refundedId(refund.id()), OrderEvent.REFUNDED, now, order.id(), order.username(),
                order.businessType(), refund.amount(), order.payMoney());
    }
}
