package com.changgou.order.management;

import com.changgou.common.IdWorker;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for refunds: a shopper cancelling a paid order, an operator giving part back, money paid
 * after the order closed. Each is the order's move (where it moves), its log row and a REQUESTED
 * refund in one transaction, under the order's row lock; the submission to the pay service starts
 * after the commit ({@link RefundRequested}). Every writer of an order's refunds holds that lock, and
 * the transactions read committed, so the sums read under it are the latest.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final OrderMapper orders;
    private final RefundMapper refunds;
    private final OrderMoves moves;
    private final IdWorker idWorker;
    private final RefundProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Refunds(OrderMapper orders, RefundMapper refunds, OrderMoves moves, IdWorker idWorker, RefundProperties properties,
            Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.refunds = refunds;
        this.moves = moves;
        this.idWorker = idWorker;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The shopper cancels their paid order: everything left of it goes back. A second cancel while that
     * refund is on its way (a double click) answers the same refund.
     *
     * @throws OrderNotFoundException  when the order is not this shopper's
     * @throws RefundRefusedException  outside the refund window, or when the order is not paid
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundLine cancel(String username, String orderId) {
        OrderRow order = orders.findByIdForUpdate(orderId);
        if (order == null || !order.username().equals(username)) {
            throw new OrderNotFoundException(orderId);
        }
        if (order.orderStatus() == OrderStatus.REFUNDING) {
            return cancelOnItsWay(order);
        }
        requireRefundable(order);
        Instant now = now();
        if (order.payTime() != null && now.isAfter(order.payTime().plus(properties.window()))) {
            throw new RefundRefusedException("order %s was paid more than %s ago: it can no longer be cancelled for a refund"
                    .formatted(orderId, describe(properties.window())));
        }
        long left = refunds.sums(orderId).leftOf(order.payMoney());
        if (left <= 0) {
            throw new RefundRefusedException("order %s has nothing left to refund".formatted(orderId));
        }
        return request(order, left, RefundKind.SHOPPER_CANCEL, "cancelled by the shopper", Operator.shopper(username), now);
    }

    /**
     * An operator gives back {@code amountFen} of a paid (or partly refunded) order.
     *
     * @throws OrderNotFoundException when there is no such order
     * @throws RefundRefusedException when the order is not refundable now, or the amount is not more than
     *                                0 and at most what is left to refund
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundLine refundByOperator(String operator, String orderId, long amountFen, String reason) {
        OrderRow order = orders.findByIdForUpdate(orderId);
        if (order == null) {
            throw new OrderNotFoundException(orderId);
        }
        requireRefundable(order);
        long left = refunds.sums(orderId).leftOf(order.payMoney());
        if (amountFen <= 0 || amountFen > left) {
            throw new RefundRefusedException(amountFen <= 0 ? "a refund must be more than 0 fen"
                    : "more than is left to refund: %d fen".formatted(left));
        }
        return request(order, amountFen, RefundKind.OPERATOR, reason, Operator.staff(operator), now());
    }

    /**
     * Records money the order cannot keep (paid after it closed, or paid twice) as a refund to do, once
     * per transaction; money paid after the close is refunded at once (a REQUESTED refund of all of it,
     * named by the todo row). The order's status stays as it is. Runs in the caller's transaction.
     *
     * @return true when it was recorded now, false when it had been before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean recordUnkeptPayment(OrderRow order, String transactionId, long amountFen, Instant now) {
        boolean closed = order.orderStatus() == OrderStatus.CLOSED;
        String reason = closed ? "paid after the order was closed"
                : "paid again; order already paid by transaction " + order.transactionId();
        String refundId = closed ? nextId() : null;
        if (refunds.insertTodo(new RefundTodoRow(null, order.id(), transactionId, refundId, amountFen, reason,
                RefundTodoState.TODO, now)) == 0) {
            return false;
        }
        moves.note(order, Operator.Service.PAY, "refund to do: " + reason, transactionId, now);
        if (closed) {
            insert(new RefundRow(refundId, order.id(), transactionId, amountFen, reason, RefundKind.PAID_AFTER_CLOSE,
                    OrderRefundState.REQUESTED, null, 0, now, now, now));
            log.warn("order {} {}: transaction {} of {} fen is refunded as {}", order.id(), reason, transactionId,
                    amountFen, refundId);
        } else {
            log.warn("order {} {}: transaction {} of {} fen recorded for a person to refund", order.id(), reason,
                    transactionId, amountFen);
        }
        return true;
    }

    private RefundLine cancelOnItsWay(OrderRow order) {
        return refunds.findRefunds(order.id()).stream()
                .filter(r -> r.kind() == RefundKind.SHOPPER_CANCEL && r.state().isInFlight())
                .max(Comparator.comparing(RefundRow::createTime))
                .map(RefundLines::of)
                .orElseThrow(() -> new RefundRefusedException(
                        "a refund of order %s is already on its way: cancel again once it is done".formatted(order.id())));
    }

    private RefundLine request(OrderRow order, long amountFen, RefundKind kind, String reason, Operator who, Instant now) {
        RefundRow refund = new RefundRow(nextId(), order.id(), order.transactionId(), amountFen, reason, kind,
                OrderRefundState.REQUESTED, null, 0, now, now, now);
        moves.move(order, OrderStatus.REFUNDING, who, "refund %s of %d fen asked (%s): %s"
                .formatted(refund.id(), amountFen, kind, reason), order.transactionId(), now);
        insert(refund);
        log.info("order {}: refund {} of {} fen asked by {} ({})", order.id(), refund.id(), amountFen, who, kind);
        return RefundLines.of(refund);
    }

    private void insert(RefundRow refund) {
        refunds.insertRefund(refund);
        events.publishEvent(new RefundRequested(refund.id()));
        events.publishEvent(new RefundMoved(refund.id(), refund.orderId(), OrderRefundState.REQUESTED));
    }

    private static void requireRefundable(OrderRow order) {
        if (!order.orderStatus().isRefundable()) {
            throw new RefundRefusedException(order.orderStatus() == OrderStatus.REFUNDING
                    ? "a refund of order %s is already on its way: try again once it is done".formatted(order.id())
                    : "order %s is %s: only a paid order can be refunded".formatted(order.id(),
                            order.orderStatus().name().toLowerCase().replace('_', ' ')));
        }
    }

    private String nextId() {
        return Long.toString(idWorker.nextId());
    }

    private static String describe(Duration window) {
        if (window.toSeconds() % 86_400 == 0) {
            long days = window.toDays();
            return days == 1 ? "1 day" : days + " days";
        }
        return window.toString();
    }

    /** Whole seconds, as OrderManagement stores them (MariaDB through Connector/J drops fractions). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
