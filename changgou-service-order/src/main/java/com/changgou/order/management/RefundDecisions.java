package com.changgou.order.management;

import com.changgou.common.IdWorker;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.ops.RefundAttention;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refunds a person must decide on, and what an operator may decide: approve a CHANGE refund they
 * saw through by other means (it settles as any SUCCESS does, through {@link RefundResults}), or ask
 * again for a refund that was refused or closed (a new REQUESTED refund, submitted like any other).
 * A CHANGE refund is never asked again: WeChat still holds it and may yet pay it out, and a second
 * refund beside it could return the money twice; a person settles it by other means and approves it. Each runs under the order's and the refund's row locks, in the caller's transaction when
 * there is one (the caller records the operator's action beside it).
 */
@Service
public class RefundDecisions {

    private static final Logger log = LoggerFactory.getLogger(RefundDecisions.class);

    private static final int LISTED = 200;
    /** tb_order_refund.reason holds 255 characters. */
    private static final int MAX_REASON = 255;
    private static final Set<OrderRefundState> RETRYABLE = EnumSet.of(OrderRefundState.REFUSED,
            OrderRefundState.CLOSED);

    private final OrderMapper orders;
    private final RefundMapper refunds;
    private final RefundResults results;
    private final OrderMoves moves;
    private final IdWorker idWorker;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RefundDecisions(OrderMapper orders, RefundMapper refunds, RefundResults results, OrderMoves moves,
            IdWorker idWorker, Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.refunds = refunds;
        this.results = results;
        this.moves = moves;
        this.idWorker = idWorker;
        this.clock = clock;
        this.events = events;
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<RefundAttention> needingAttention() {
        return refunds.findNeedingAttention(LISTED).stream().map(RefundDecisions::attention).toList();
    }

    @Transactional(readOnly = true)
    public long countNeedingAttention() {
        return refunds.countNeedingAttention();
    }

    /**
     * CHANGE → SUCCESS by {@code operator}: the money reached the shopper by other means.
     *
     * @throws RefundNotFoundException when there is no such refund
     * @throws RefundRefusedException  when it is not CHANGE
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundAttention approve(String refundId, String operator, String reason) {
        Locked locked = lock(refundId);
        if (locked.refund().state() != OrderRefundState.CHANGE) {
            throw new RefundRefusedException("refund %s is %s: only a refund WeChat answered CHANGE can be approved"
                    .formatted(refundId, locked.refund().state()));
        }
        results.apply(refundId, OrderRefundState.SUCCESS, null, Operator.staff(operator), "approved: " + reason);
        return attention(refunds.findRefund(refundId), locked.order(), "approved by " + operator + ": " + reason);
    }

    /**
     * A new REQUESTED refund of the same order, amount and kind as a REFUSED or CLOSED one, which
     * stays as it is; a todo naming the old one names the new one. The order moves to REFUNDING as for
     * any refund asked for (or notes it, when it is refunding already or the money was paid after close).
     *
     * @throws RefundNotFoundException when there is no such refund
     * @throws RefundRefusedException  when it is not refused or closed, or more than is left
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RefundAttention retry(String refundId, String operator, String reason) {
        Locked locked = lock(refundId);
        RefundRow old = locked.refund();
        OrderRow order = locked.order();
        if (!RETRYABLE.contains(old.state())) {
            throw new RefundRefusedException("refund %s is %s: only a refused or closed refund can be retried (a CHANGE one is approved once settled by other means)"
                    .formatted(refundId, old.state()));
        }
        Instant now = now();
        RefundRow retry = new RefundRow(Long.toString(idWorker.nextId()), order.id(), old.transactionId(),
                old.amount(), bounded("retry of %s: %s".formatted(old.id(), reason)), old.kind(),
                OrderRefundState.REQUESTED, null, 0, now, now, now);
        String remark = "refund %s of %d fen asked again as %s by %s: %s".formatted(old.id(), old.amount(), retry.id(),
                operator, reason);
        if (old.kind() == RefundKind.PAID_AFTER_CLOSE) {
            restartTodo(old, retry, now);
            moves.note(order, Operator.staff(operator), remark, old.transactionId(), now);
        } else {
            requireLeft(order, old);
            if (order.orderStatus().canMoveTo(OrderStatus.REFUNDING)) {
                moves.move(order, OrderStatus.REFUNDING, Operator.staff(operator), remark, order.transactionId(), now);
            } else {
                moves.note(order, Operator.staff(operator), remark, order.transactionId(), now);
            }
        }
        refunds.insertRefund(retry);
        events.publishEvent(new RefundRequested(retry.id()));
        events.publishEvent(new RefundMoved(retry.id(), order.id(), OrderRefundState.REQUESTED));
        log.info("order {}: refund {} asked again as {} ({} fen) by {}", order.id(), old.id(), retry.id(),
                old.amount(), operator);
        return attention(retry, order, "retry of refund %s by %s: %s".formatted(old.id(), operator, reason));
    }

    /** The order first, then the refund: the order in which every refund writer takes them. */
    private Locked lock(String refundId) {
        RefundRow seen = refunds.findRefund(refundId);
        if (seen == null) {
            throw new RefundNotFoundException(refundId);
        }
        OrderRow order = orders.findByIdForUpdate(seen.orderId());
        return new Locked(order, refunds.findRefundForUpdate(refundId));
    }

    private void restartTodo(RefundRow old, RefundRow retry, Instant now) {
        RefundTodoRow todo = refunds.findTodoOf(old.id());
        if (todo == null || !todo.state().canRestart()
                || refunds.restartTodo(old.id(), retry.id(), todo.state(), now) != 1) {
            throw new RefundRefusedException("refund %s of money paid after close has no open todo to retry"
                    .formatted(old.id()));
        }
    }

    /** The old refund's amount must fit what is left (a refused or closed one no longer counts against it). */
    private void requireLeft(OrderRow order, RefundRow old) {
        long left = refunds.sums(order.id()).leftOf(order.payMoney());
        if (old.amount() > left) {
            throw new RefundRefusedException("refund %s of %d fen is more than is left to refund of order %s: %d fen"
                    .formatted(old.id(), old.amount(), order.id(), left));
        }
    }

    private static RefundAttention attention(RefundAttentionRow row) {
        String why = row.state() == OrderRefundState.CHANGE
                ? "WeChat could not return the money where it came from (CHANGE): pay it back by other means, then approve"
                : "money paid after the order closed was not returned (%s%s): retry or pay it back by other means"
                        .formatted(row.state(), row.refusal() == null ? "" : ": " + row.refusal());
        return new RefundAttention(row.id(), row.orderId(), row.username(), row.kind(), row.state(), row.amount(), why,
                row.updateTime());
    }

    private static RefundAttention attention(RefundRow refund, OrderRow order, String why) {
        return new RefundAttention(refund.id(), order.id(), order.username(), refund.kind(), refund.state(),
                refund.amount(), why, refund.updateTime());
    }

    private static String bounded(String reason) {
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private record Locked(OrderRow order, RefundRow refund) {
    }
}
