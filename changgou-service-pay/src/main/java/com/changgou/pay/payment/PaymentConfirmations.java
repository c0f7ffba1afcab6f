package com.changgou.pay.payment;

import com.changgou.outbox.Outbox;
import com.changgou.outbox.OutgoingMessage;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.pay.messaging.PayRabbitProperties;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.metrics.PayMetrics.PaidSource;
import com.changgou.pay.payment.Confirmation.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path by which a pay record becomes SUCCESS, whoever learnt it (notification, status
 * query, close, reconciliation): in ONE transaction, read the record, match it, and write the conditional
 * update, its pay_log row and both outbox messages. Races and duplicates lose quietly.
 */
@Component
public class PaymentConfirmations {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfirmations.class);
    /** States only move forward, so a lost compare-and-set re-reads at most a couple of times. */
    private static final int MAX_RACES = 3;

    private final PayRecordMapper records;
    private final Outbox outbox;
    private final PayRabbitProperties names;
    private final TransactionTemplate tx;
    private final PayMetrics metrics;
    private final Clock clock;

    PaymentConfirmations(PayRecordMapper records, Outbox outbox, PayRabbitProperties names, TransactionTemplate tx,
                         PayMetrics metrics, Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.names = names;
        this.tx = tx;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stores WeChat's word that the trade was paid. Throws only when it could not be stored. */
    public Confirmation confirm(PaidTrade paid, Actor actor) {
        return confirm(paid, actor, decided -> {
        });
    }

    /**
     * As {@link #confirm(PaidTrade, Actor)}, giving {@code alongside} the decision inside the transaction that
     * reads the record and, if it moves, writes the payment: what {@code alongside} writes commits with it or
     * not at all (the notification's verdict row, one commit instead of two). Not called for a lost race.
     */
    public Confirmation confirm(PaidTrade paid, Actor actor, Consumer<Confirmation> alongside) {
        for (int race = 0; race < MAX_RACES; race++) {
            Confirmation decided = tx.execute(status -> decide(paid, actor, alongside));
            if (decided == null) {
                // Someone else moved the record between our read and our update: look again.
                continue;
            }
            if (decided.outcome() == Confirmation.Outcome.APPLIED) {
                // Committed, by this call only (the conditional update): counted once per record.
                metrics.paymentPaid(paid.channel(), sourceOf(actor));
                if (actor == Actor.RECONCILE) {
                    metrics.reconciliationFound(paid.channel(), PayState.SUCCESS);
                }
            }
            return decided;
        }
        throw new IllegalStateException("pay record %s kept changing under us".formatted(paid.outTradeNo()));
    }

    /** The decision on one read of the record, and the payment written when it is APPLIED; null on a lost race. */
    private Confirmation decide(PaidTrade paid, Actor actor, Consumer<Confirmation> alongside) {
        Optional<PayRecord> found = records.findByOutTradeNo(paid.outTradeNo());
        Confirmation decided = found.isEmpty()
                ? reject(paid, actor, Rejection.UNKNOWN_TRADE, "unknown out_trade_no")
                : mismatch(found.get(), paid, actor);
        if (decided == null) {
            if (!markPaid(found.get(), paid, actor)) {
                return null;
            }
            decided = Confirmation.applied();
        }
        alongside.accept(decided);
        return decided;
    }

    /** Why {@code paid} does not move {@code record} to SUCCESS, or null when it does. */
    private static Confirmation mismatch(PayRecord record, PaidTrade paid, Actor actor) {
        if (record.channel() != paid.channel()) {
            return reject(paid, actor, Rejection.CHANNEL_MISMATCH,
                    "record is a %s payment, not %s".formatted(record.channel(), paid.channel()));
        }
        if (record.totalFee() != paid.totalFee()) {
            return reject(paid, actor, Rejection.AMOUNT_MISMATCH, "total_fee %d does not match the record's %d"
                    .formatted(paid.totalFee(), record.totalFee()));
        }
        if (record.status() == PayState.SUCCESS) {
            return paid.transactionId().equals(record.transactionId())
                    ? Confirmation.duplicate()
                    : reject(paid, actor, Rejection.STATE_CONFLICT,
                            "already paid by transaction " + record.transactionId());
        }
        if (!record.status().canMoveTo(PayState.SUCCESS)) {
            return reject(paid, actor, Rejection.STATE_CONFLICT, "record is " + record.status());
        }
        return null;
    }

    private boolean markPaid(PayRecord record, PaidTrade paid, Actor actor) {
        Instant now = clock.instant();
        if (records.markPaid(record.outTradeNo(), record.status(), PayState.SUCCESS, paid.totalFee(),
                paid.transactionId(), paid.paidAt(), paid.raw(), now) == 0) {
            return false;
        }
        String reason = "transaction " + paid.transactionId();
        if (record.status() == PayState.CLOSED) {
            // The payment won the race with our close (PayState.canMoveTo): keep it and tell the
            // order service, which owns the decision to refund.
            log.warn("pay record {} of order {} was CLOSED but {} took {} fen (transaction {}): "
                    + "recording SUCCESS, the order service must refund", record.outTradeNo(), record.orderId(),
                    record.channel(), paid.totalFee(), paid.transactionId());
            reason = "paid after close, " + reason;
        }
        records.insertLog(record.outTradeNo(), record.status(), PayState.SUCCESS, actor, reason, now);
        outbox.append(messages(record, paid, now));
        log.info("pay record {} of order {} paid at {} ({} fen, transaction {}, via {})", record.outTradeNo(),
                record.orderId(), record.channel(), paid.totalFee(), paid.transactionId(), actor);
        return true;
    }

    private List<OutgoingMessage> messages(PayRecord record, PaidTrade paid, Instant now) {
        // Written once per record (the conditional update above guarantees it); the result's id is
        // derived from the record so the order service can drop redeliveries, while the broadcast's
        // id is random: everything in a paynotify message is readable by every shopper.
        String resultId = "pr-" + record.outTradeNo();
        String notifyId = "pn-" + UUID.randomUUID();
        Instant paidAt = paid.paidAt() != null ? paid.paidAt() : now;
        PayResultMessage result = new PayResultMessage(resultId, PayResultMessage.TYPE, now, record.orderId(),
                record.outTradeNo(), paid.transactionId(), paid.totalFee(), paidAt);
        PayNotifyMessage notify = new PayNotifyMessage(notifyId, PayNotifyMessage.TYPE, now, record.token(),
                PayState.SUCCESS);
        return List.of(
                new OutgoingMessage(resultId, PayResultMessage.TYPE, names.payExchange(), names.payResultRoutingKey(),
                        result),
                // routed by the token: the page waiting for this payment subscribes to it alone
                new OutgoingMessage(notifyId, PayNotifyMessage.TYPE, names.notifyExchange(),
                        Objects.requireNonNullElse(record.token(), ""), notify));
    }

    private static PaidSource sourceOf(Actor actor) {
        return switch (actor) {
            case WECHAT_NOTIFY, ALIPAY_NOTIFY -> PaidSource.NOTIFICATION;
            case RECONCILE -> PaidSource.RECONCILIATION;
            case CLOSE -> PaidSource.CLOSE;
            // Starting a payment never pays it; only a shopper's poll asks besides the above.
            case STATUS_QUERY, NATIVE_PAY, ALIPAY_WAP -> PaidSource.STATUS_QUERY;
        };
    }

    private static Confirmation reject(PaidTrade paid, Actor actor, Rejection rejection, String reason) {
        log.warn("payment for out_trade_no {} (transaction {}, via {}) rejected: {}", paid.outTradeNo(),
                paid.transactionId(), actor, reason);
        return Confirmation.rejected(rejection, reason);
    }

    /**
     * Closes an open record. Returns the record's state afterwards: CLOSED, or SUCCESS when a
     * payment won the race.
     */
    public PayState close(String outTradeNo, Actor actor, String reason) {
        for (int race = 0; race < MAX_RACES; race++) {
            PayRecord record = records.findByOutTradeNo(outTradeNo)
                    .orElseThrow(() -> new IllegalArgumentException("no pay record " + outTradeNo));
            if (!record.status().canMoveTo(PayState.CLOSED)) {
                return record.status();
            }
            boolean moved = Boolean.TRUE.equals(tx.execute(status -> {
                Instant now = clock.instant();
                if (records.markClosed(outTradeNo, record.status(), now) == 0) {
                    return false;
                }
                records.insertLog(outTradeNo, record.status(), PayState.CLOSED, actor, reason, now);
                return true;
            }));
            if (moved) {
                if (actor == Actor.RECONCILE) {
                    metrics.reconciliationFound(record.channel(), PayState.CLOSED);
                }
                log.info("pay record {} of order {} closed via {}: {}", outTradeNo, record.orderId(), actor, reason);
                return PayState.CLOSED;
            }
        }
        throw new IllegalStateException("pay record %s kept changing under us".formatted(outTradeNo));
    }
}
