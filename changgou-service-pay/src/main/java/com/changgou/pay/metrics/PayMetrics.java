package com.changgou.pay.metrics;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pay service's business counters, named once here: the suite's metrics test and the operators'
 * alert rules read exactly these names and tags (values lower case). Each counts a change only once it
 * is committed, so a rolled-back move counts nothing. The series operators alert on are registered at
 * zero, so {@code increase()} sees the first one.
 *
 * <p>(Notifications are counted where their log row is written: {@code notifylog.NotifyLog}.)
 */
@Component
public class PayMetrics {

    public static final String PAYMENTS_STARTED = "changgou.pay.payments.started";
    public static final String PAYMENTS_PAID = "changgou.pay.payments.paid";
    public static final String RECONCILIATION_FINDS = "changgou.pay.reconciliation.finds";
    public static final String REFUNDS = "changgou.pay.refunds";
    public static final String REFUND_QUERY_FINDS = "changgou.pay.refund.query.finds";

    /** How the pay service learnt that a record was paid. */
    public enum PaidSource {
        /** The channel's notification. */
        NOTIFICATION,
        /** Reconciliation asked the channel about a record left unpaid. */
        RECONCILIATION,
        /** Closing the trade found it paid. */
        CLOSE,
        /** A shopper's status poll asked the channel. */
        STATUS_QUERY
    }

    private final MeterRegistry meters;

    PayMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (PayChannel channel : PayChannel.values()) {
            started(channel);
            for (PaidSource source : PaidSource.values()) {
                paid(channel, source);
            }
            reconciliationFinds(channel, PayState.SUCCESS);
            reconciliationFinds(channel, PayState.CLOSED);
        }
        for (RefundState state : RefundState.values()) {
            refunds(state);
            refundQueryFinds(state);
        }
    }

    /** A new pay record was created (not an open one handed out again). */
    public void paymentStarted(PayChannel channel) {
        afterCommit(() -> started(channel).increment());
    }

    /** A pay record moved to SUCCESS: once per record, by the one path to paid. */
    public void paymentPaid(PayChannel channel, PaidSource source) {
        afterCommit(() -> paid(channel, source).increment());
    }

    /** Reconciliation's query moved a record to {@code state}. */
    public void reconciliationFound(PayChannel channel, PayState state) {
        afterCommit(() -> reconciliationFinds(channel, state).increment());
    }

    /** A refund entered {@code state} (stored PENDING or REFUSED, or moved). */
    public void refundEntered(RefundState state) {
        afterCommit(() -> refunds(state).increment());
    }

    /** The refund worker's query moved a refund to {@code state}. */
    public void refundQueryFound(RefundState state) {
        afterCommit(() -> refundQueryFinds(state).increment());
    }

    private Counter started(PayChannel channel) {
        return Counter.builder(PAYMENTS_STARTED).description("Pay records created")
                .tag("channel", tag(channel)).register(meters);
    }

    private Counter paid(PayChannel channel, PaidSource source) {
        return Counter.builder(PAYMENTS_PAID).description("Pay records moved to SUCCESS, by how it was learnt")
                .tag("channel", tag(channel)).tag("source", tag(source)).register(meters);
    }

    private Counter reconciliationFinds(PayChannel channel, PayState state) {
        return Counter.builder(RECONCILIATION_FINDS).description("Pay records reconciliation's query changed")
                .tag("channel", tag(channel)).tag("state", tag(state)).register(meters);
    }

    private Counter refunds(RefundState state) {
        return Counter.builder(REFUNDS).description("Refunds entering each state")
                .tag("state", tag(state)).register(meters);
    }

    private Counter refundQueryFinds(RefundState state) {
        return Counter.builder(REFUND_QUERY_FINDS).description("Refunds the refund worker's query changed")
                .tag("state", tag(state)).register(meters);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Inside a transaction, once it commits (nothing if it rolls back); outside one, now. */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
