package com.changgou.pay.refund;

import com.changgou.outbox.Outbox;
import com.changgou.outbox.OutgoingMessage;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.pay.messaging.PayRabbitProperties;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.refund.Reported.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path by which a refund changes state, whoever learnt of it (WeChat's answer, its
 * notification, a refundquery): {@link RefundState#canMoveTo} first, then in ONE transaction the
 * conditional update, its refund_log row and, for a state the order service acts on, the outbox
 * messages. Races and duplicates lose quietly.
 *
 * <p>The pay record stays SUCCESS whatever its refunds do: a refund is its own record with its own
 * states, a payment may be refunded in parts, and WeChat's trade_state REFUND is not mirrored. The
 * browsers hear of it as {@link PayState#REFUND} on the payment's token only.
 */
@Component
public class RefundTransitions {

    private static final Logger log = LoggerFactory.getLogger(RefundTransitions.class);
    /** States only move forward, so a lost compare-and-set re-reads at most a few times. */
    private static final int MAX_RACES = 4;

    private final RefundMapper refunds;
    private final Outbox outbox;
    private final PayRabbitProperties names;
    private final RefundProperties props;
    private final TransactionTemplate tx;
    private final PayMetrics metrics;
    private final Clock clock;

    RefundTransitions(RefundMapper refunds, Outbox outbox, PayRabbitProperties names, RefundProperties props,
                      TransactionTemplate tx, PayMetrics metrics, Clock clock) {
        this.refunds = refunds;
        this.outbox = outbox;
        this.names = names;
        this.props = props;
        this.tx = tx;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stores a new refund (PENDING, or REFUSED at once) with its log row and messages; in the caller's transaction. */
    void create(RefundRecord refund, Instant nextTryAt, String why) {
        refunds.insert(refund, nextTryAt);
        refunds.insertLog(refund.outRefundNo(), null, refund.state(), RefundActor.ORDER_SERVICE, why, refund.createTime());
        announce(refund, refund.state(), refund.refusal(), null, refund.createTime());
        metrics.refundEntered(refund.state());
    }

    /** Moves the refund if it still is where {@code from} found it; false when another move came first. */
    boolean move(RefundRecord from, Move move, RefundActor actor) {
        if (!from.state().canMoveTo(move.to())) {
            throw new IllegalStateException("refund %s may not move from %s to %s"
                    .formatted(from.outRefundNo(), from.state(), move.to()));
        }
        boolean moved = Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = clock.instant();
            if (refunds.move(from.outRefundNo(), from.state(), move, now) == 0) {
                return false;
            }
            refunds.insertLog(from.outRefundNo(), from.state(), move.to(), actor, move.why(), now);
            announce(from, move.to(), move.refusal() != null ? move.refusal() : move.why(), move.successTime(), now);
            return true;
        }));
        if (moved) {
            metrics.refundEntered(move.to());
            if (actor == RefundActor.REFUND_QUERY) {
                metrics.refundQueryFound(move.to());
            }
            log.info("refund {} of order {} ({} fen): {} -> {} via {}: {}", from.outRefundNo(), from.orderId(),
                    from.refundFee(), from.state(), move.to(), actor, move.why());
        }
        return moved;
    }

    /** Applies WeChat's word about a refund once it matches the stored one field by field. Throws only when it could not be stored. */
    public Reported report(RefundReport report, RefundActor actor) {
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<RefundRecord> found = refunds.find(report.outRefundNo());
            if (found.isEmpty()) {
                return reject(report, actor, Reported.rejected(Rejection.UNKNOWN_REFUND, "unknown out_refund_no"));
            }
            RefundRecord refund = found.get();
            Optional<Reported> mismatch = mismatch(refund, report);
            if (mismatch.isPresent()) {
                return reject(report, actor, mismatch.get());
            }
            if (refund.state() == report.state()) {
                return Reported.of(Reported.Outcome.DUPLICATE);
            }
            if (!refund.state().canMoveTo(report.state())) {
                return beyond(refund, report, actor);
            }
            if (move(refund, moveFor(report), actor)) {
                return Reported.of(Reported.Outcome.APPLIED);
            }
            // Someone else moved the refund between our read and our update: look again.
        }
        throw new IllegalStateException("refund %s kept changing under us".formatted(report.outRefundNo()));
    }

    private Move moveFor(RefundReport report) {
        Instant now = clock.instant();
        Instant nextTryAt = switch (report.state()) {
            case PROCESSING -> now.plus(props.queryGrace());
            // A person must act at WeChat; what they achieve is asked about now and then.
            case CHANGE -> now.plus(props.backoffMax());
            default -> null;
        };
        Instant successTime = report.state() == RefundState.SUCCESS
                ? (report.successTime() != null ? report.successTime() : now) : null;
        return new Move(report.state(), report.refundId(), null, report.raw(), successTime, nextTryAt,
                "WeChat says " + report.state());
    }

    /** The refund stands where WeChat cannot take it: old news, or a contradiction a person must see. */
    private static Reported beyond(RefundRecord refund, RefundReport report, RefundActor actor) {
        boolean contradiction = refund.state() == RefundState.REFUSED
                || (refund.state().isFinal() && report.state().isFinal());
        if (contradiction) {
            log.error("refund {} of order {} is {} but WeChat says {} (via {}): nothing changed, a person must look",
                    refund.outRefundNo(), refund.orderId(), refund.state(), report.state(), actor);
            return Reported.rejected(Rejection.STATE_CONFLICT,
                    "refund is %s, WeChat says %s".formatted(refund.state(), report.state()));
        }
        log.info("refund {} is {} already, WeChat's {} (via {}) is old news", refund.outRefundNo(), refund.state(),
                report.state(), actor);
        return Reported.of(Reported.Outcome.STALE);
    }

    private static Optional<Reported> mismatch(RefundRecord refund, RefundReport report) {
        if (refund.refundFee() != report.refundFee()) {
            return Optional.of(Reported.rejected(Rejection.AMOUNT_MISMATCH,
                    "refund_fee %d is not the refund's %d".formatted(report.refundFee(), refund.refundFee())));
        }
        if (refund.totalFee() != report.totalFee()) {
            return Optional.of(Reported.rejected(Rejection.AMOUNT_MISMATCH,
                    "total_fee %d is not the payment's %d".formatted(report.totalFee(), refund.totalFee())));
        }
        if (!refund.outTradeNo().equals(report.outTradeNo())) {
            return Optional.of(Reported.rejected(Rejection.TRADE_MISMATCH,
                    "out_trade_no %s is not the refund's %s".formatted(report.outTradeNo(), refund.outTradeNo())));
        }
        if (!refund.transactionId().equals(report.transactionId())) {
            return Optional.of(Reported.rejected(Rejection.TRADE_MISMATCH, "transaction_id %s is not the refund's %s"
                    .formatted(report.transactionId(), refund.transactionId())));
        }
        if (refund.refundId() != null && !refund.refundId().equals(report.refundId())) {
            return Optional.of(Reported.rejected(Rejection.TRADE_MISMATCH,
                    "refund_id %s is not the refund's %s".formatted(report.refundId(), refund.refundId())));
        }
        return Optional.empty();
    }

    private static Reported reject(RefundReport report, RefundActor actor, Reported rejected) {
        log.warn("WeChat's word on refund {} (out_trade_no {}, {}, via {}) rejected: {}", report.outRefundNo(),
                report.outTradeNo(), report.state(), actor, rejected.reason());
        return rejected;
    }

    /**
     * The order service hears of every state it acts on; the browsers, of money that moved back (or
     * may have), on the payment's token only. Ids: the result's names the refund and its state, so the
     * order service can drop redeliveries; the broadcast's is random, as everything in it is public.
     */
    private void announce(RefundRecord refund, RefundState state, String reason, Instant refundedAt, Instant now) {
        if (state != RefundState.SUCCESS && state != RefundState.CHANGE && state != RefundState.REFUNDCLOSE
                && state != RefundState.REFUSED) {
            return;
        }
        String resultId = "rr-" + refund.outRefundNo() + "-" + state.name();
        RefundResultMessage result = new RefundResultMessage(resultId, RefundResultMessage.TYPE, now, refund.orderId(),
                refund.outRefundNo(), refund.outTradeNo(), refund.transactionId(), refund.refundFee(), state,
                state == RefundState.REFUSED || state == RefundState.REFUNDCLOSE ? reason : null,
                state == RefundState.SUCCESS ? refundedAt : null);
        List<OutgoingMessage> messages = new ArrayList<>();
        messages.add(new OutgoingMessage(resultId, RefundResultMessage.TYPE, names.payExchange(),
                names.refundResultRoutingKey(), result));
        if (state != RefundState.REFUSED) {
            String notifyId = "pn-" + UUID.randomUUID();
            String token = refunds.tokenOf(refund.outTradeNo());
            messages.add(new OutgoingMessage(notifyId, PayNotifyMessage.TYPE, names.notifyExchange(),
                    Objects.requireNonNullElse(token, ""),
                    new PayNotifyMessage(notifyId, PayNotifyMessage.TYPE, now, token, PayState.REFUND)));
        }
        outbox.append(messages);
    }
}
