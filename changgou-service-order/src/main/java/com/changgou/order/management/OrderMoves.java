package com.changgou.order.management;

import com.changgou.order.api.OrderStatus;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refund moves of an order and their log rows, in the caller's transaction: asked of
 * {@link OrderStatus#canMoveTo} first, then made as a conditional update.
 */
@Component
class OrderMoves {

    /** tb_order_log.remark holds 255 characters. */
    private static final int MAX_REMARK = 255;

    private final OrderMapper orders;

    OrderMoves(OrderMapper orders) {
        this.orders = orders;
    }

    /**
     * Moves a locked order to {@code to} and logs it; throws when the move is not allowed or lost a
     * race, which the caller's lock rules out, so the transaction rolls back rather than half-apply.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void move(OrderRow order, OrderStatus to, Operator who, String remark, String transactionId, Instant now) {
        if (!order.orderStatus().canMoveTo(to) || orders.moveStatus(order.id(), order.orderStatus(), to, now) != 1) {
            throw new IllegalStateException("order %s cannot move from %s to %s".formatted(order.id(),
                    order.orderStatus(), to));
        }
        log(order.id(), order.orderStatus(), to, who, remark, transactionId, now);
    }

    /** A log row for a change that leaves the order's status as it is (a refund of it moved). */
    @Transactional(propagation = Propagation.MANDATORY)
    void note(OrderRow order, Operator who, String remark, String transactionId, Instant now) {
        log(order.id(), order.orderStatus(), order.orderStatus(), who, remark, transactionId, now);
    }

    private void log(String id, OrderStatus from, OrderStatus to, Operator who, String remark, String transactionId,
            Instant now) {
        String bounded = remark.length() > MAX_REMARK ? remark.substring(0, MAX_REMARK) : remark;
        orders.insertLog(new OrderLogRow(null, id, from, to, who, bounded, transactionId, now));
    }
}
