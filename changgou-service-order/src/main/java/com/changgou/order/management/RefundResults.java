package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.RefundResultMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying what the pay service says of a refund, once: the refund's move, its todo's, the order's
 * (settled from the sums), a log row and, for money given back from a paid order, its
 * {@link OrderEvents#refunded order.refunded} event, in one transaction under the order's and the
 * refund's row locks. A repeated or stale state changes nothing.
 */
@Service
public class RefundResults {

    private static final Logger log = LoggerFactory.getLogger(RefundResults.class);

    private final OrderMapper orders;
    private final RefundMapper refunds;
    private final OrderMoves moves;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RefundResults(OrderMapper orders, RefundMapper refunds, OrderMoves moves, Clock clock,
            ApplicationEventPublisher events) {
        this.orders = orders;
        this.refunds = refunds;
        this.moves = moves;
        this.clock = clock;
        this.events = events;
    }

    /** The order service's view of the pay service's state: accepted is SUBMITTED, REFUNDCLOSE is CLOSED. */
    public static OrderRefundState stateOf(RefundState state) {
        return switch (state) {
            case PENDING, PROCESSING -> OrderRefundState.SUBMITTED;
            case SUCCESS -> OrderRefundState.SUCCESS;
            case CHANGE -> OrderRefundState.CHANGE;
            case REFUNDCLOSE -> OrderRefundState.CLOSED;
            case REFUSED -> OrderRefundState.REFUSED;
        };
    }

    /**
     * Applies a result from {@code order.refund.result}.
     *
     * @throws RefundResultRejectedException when its amount is not the refund's
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundOutcome apply(RefundResultMessage result) {
        RefundRow refund = refunds.findRefund(result.outRefundNo());
        if (refund != null && refund.amount() != result.refundFee()) {
            throw new RefundResultRejectedException("refund result %s for refund %s says %d fen, the refund is %d fen"
                    .formatted(result.messageId(), refund.id(), result.refundFee(), refund.amount()));
        }
        return apply(result.outRefundNo(), stateOf(result.state()), result.reason());
    }

    /**
     * Moves the refund to {@code to} (with {@code refusal}, why no money moved, or null) and settles its
     * order: REFUNDING becomes REFUNDED when the refunded sum is what was paid, PARTIALLY_REFUNDED when some
     * was refunded and nothing is on its way any more, PAID when nothing was refunded and nothing is on its way.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundOutcome apply(String refundId, OrderRefundState to, String refusal) {
        return apply(refundId, to, refusal, Operator.Service.PAY, null);
    }

    /**
     * As {@link #apply(String, OrderRefundState, String)}, made by {@code who} (an operator who saw a
     * refund through), with {@code note} (or null) added to the order's log row.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundOutcome apply(String refundId, OrderRefundState to, String refusal, Operator who, String note) {
        RefundRow seen = refunds.findRefund(refundId);
        if (seen == null) {
            return RefundOutcome.UNKNOWN;
        }
        // the order first, then the refund: the order in which asking for a refund takes them
        OrderRow order = orders.findByIdForUpdate(seen.orderId());
        RefundRow refund = refunds.findRefundForUpdate(refundId);
        if (refund.state() == to) {
            return RefundOutcome.DUPLICATE;
        }
        if (!refund.state().canMoveTo(to)) {
            log.info("refund {} is {}; {} comes too late and changes nothing", refundId, refund.state(), to);
            return RefundOutcome.STALE;
        }
        Instant now = now();
        if (refunds.move(refundId, refund.state(), to, refusal, now) != 1) {
            throw new IllegalStateException("refund %s moved under its lock".formatted(refundId));
        }
        follow(refund, to, now);
        settle(order, refund, to, refusal, who, note, now);
        announce(order, refund, to, now);
        events.publishEvent(new RefundMoved(refund.id(), refund.orderId(), to));
        return RefundOutcome.APPLIED;
    }

    /**
     * Money paid after the order closed never made it paid as far as any other service heard (no
     * order.paid was sent), so giving it back is no news to them either.
     */
    private void announce(OrderRow order, RefundRow refund, OrderRefundState to, Instant now) {
        if (to == OrderRefundState.SUCCESS && refund.kind() != RefundKind.PAID_AFTER_CLOSE) {
            events.publishEvent(OrderEvents.refunded(order, refund, now));
        }
    }

    private void follow(RefundRow refund, OrderRefundState to, Instant now) {
        RefundTodoRow todo = refunds.findTodoOf(refund.id());
        RefundTodoState next = RefundTodoState.following(to);
        if (todo != null && todo.state().canMoveTo(next)) {
            refunds.moveTodo(refund.id(), todo.state(), next, now);
        }
    }

    private void settle(OrderRow order, RefundRow refund, OrderRefundState to, String refusal, Operator who,
            String note, Instant now) {
        String remark = "refund %s of %d fen %s%s%s".formatted(refund.id(), refund.amount(), to,
                refusal == null ? "" : ": " + refusal, note == null ? "" : " (" + note + ")");
        OrderStatus next = order.orderStatus() == OrderStatus.REFUNDING ? settled(order) : order.orderStatus();
        if (next == order.orderStatus()) {
            moves.note(order, who, remark, refund.transactionId(), now);
        } else {
            moves.move(order, next, who, remark, refund.transactionId(), now);
            log.info("order {} is {}: {}", order.id(), next, remark);
        }
    }

    private OrderStatus settled(OrderRow order) {
        RefundSums sums = refunds.sums(order.id());
        if (sums.refundedFen() >= order.payMoney()) {
            return OrderStatus.REFUNDED;
        }
        if (sums.inFlightFen() > 0) {
            return OrderStatus.REFUNDING;
        }
        return sums.refundedFen() > 0 ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.PAID;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
