package com.changgou.order.management;

import com.changgou.order.api.event.OrderEvent;
import java.time.Instant;

/**
 * The order events other services hear of, made from the rows they announce. Each is published as an
 * application event inside the transaction of its state change, whose listener (in the messaging
 * package, which knows the exchange) appends it to the outbox in that same transaction: the event
 * exists exactly when the change does. Its id names the fact, not the delivery, so the same fact can
 * never be appended twice (the outbox's key) and consumers drop redeliveries by it.
 */
final class OrderEvents {

    private OrderEvents() {
    }

    /** UNPAID → PAID: the whole of {@code pay_money} was paid. */
    static OrderEvent paid(OrderRow order, Instant now) {
        return new OrderEvent("paid-" + order.id(), OrderEvent.PAID, now, order.id(), order.username(),
                order.businessType(), order.payMoney(), order.payMoney());
    }

    /** One refund of a paid order reached SUCCESS: {@code amountFen} of the {@code paidFen} went back. */
    static OrderEvent refunded(OrderRow order, RefundRow refund, Instant now) {
        return new OrderEvent("refunded-" + refund.id(), OrderEvent.REFUNDED, now, order.id(), order.username(),
                order.businessType(), refund.amount(), order.payMoney());
    }
}
