package com.changgou.order.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.RefundLine;
import com.changgou.order.api.ops.OrderStory;
import com.changgou.order.deadletter.DeadLetters;
import com.changgou.order.management.Operator;
import com.changgou.order.management.OrderEvents;
import com.changgou.order.management.OrderLogRow;
import com.changgou.order.management.OrderManagement;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One order's whole story for operators: the order (any shopper's), its log rows (its refunds' moves
 * are logged there too), the order events it wrote to the outbox (found by their ids, which name the
 * facts: {@code paid-<order>}, {@code refunded-<refund>}), the dead letters naming it and what
 * operators did to it.
 */
@Service
class OrderStories {

    private final OrderManagement orders;
    private final OrderOutboxMapper outbox;
    private final DeadLetters deadLetters;
    private final OperatorActions actions;

    OrderStories(OrderManagement orders, OrderOutboxMapper outbox, DeadLetters deadLetters, OperatorActions actions) {
        this.orders = orders;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    /** @throws com.changgou.order.management.OrderNotFoundException for an unknown id */
    @Transactional(readOnly = true)
    OrderStory of(String orderId) {
        OrderView order = orders.find(orderId);
        List<String> eventIds = OrderEvents.idsOf(orderId, order.refunds().stream().map(RefundLine::id).toList());
        return new OrderStory(order,
                orders.logOf(orderId).stream().map(OrderStories::change).toList(),
                outbox.findByIds(eventIds).stream().map(OrderStories::entry).toList(),
                deadLetters.ofOrder(orderId),
                actions.ofOrder(orderId));
    }

    private static StateChange change(OrderLogRow row) {
        return new StateChange(row.createTime(), "order:" + row.orderId(),
                row.fromStatus() == null ? null : row.fromStatus().name(), row.toStatus().name(), actor(row.operator()),
                row.transactionId() == null ? row.remark() : "%s (transaction %s)".formatted(row.remark(),
                        row.transactionId()));
    }

    /** A shopper by name, staff as {@code operator:<name>}, the service's own actors in lower case. */
    private static String actor(Operator operator) {
        if (operator instanceof Operator.Shopper shopper) {
            return shopper.username();
        }
        if (operator instanceof Operator.Staff staff) {
            return "operator:" + staff.username();
        }
        return ((Operator.Service) operator).name().toLowerCase(Locale.ROOT);
    }

    private static OutboxEntry entry(OutboxRow row) {
        return new OutboxEntry(row.id(), row.type(), row.exchange(), row.routingKey(), row.state(), row.attempts(),
                row.createdAt(), row.sentAt());
    }
}
