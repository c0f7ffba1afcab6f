package com.changgou.pay.notifylog;

import com.changgou.pay.api.PayChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every notification received leaves exactly one trace here: a {@code notify_log} row and one count of
 * {@code changgou.pay.notifications} (tags channel, kind, verdict, reason). A verdict recorded on its own
 * never changes the answer the sender gets: a row that cannot be written is logged and given up, the count
 * is kept. One recorded within a payment's transaction lands with the payment or not at all.
 */
@Component
public class NotifyLog {

    /** Operators' alerts and the suite's metrics test read this name and its tags. */
    public static final String NOTIFICATIONS = "changgou.pay.notifications";

    private static final Logger log = LoggerFactory.getLogger(NotifyLog.class);
    private static final int MAX_DETAIL = 500;
    /**
     * After a failed write, rows wait this long before the next try: the database is likely down, and each
     * try would hold a request thread (and WeChat's answer) for another connection timeout.
     */
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    /** Every out_trade_no and out_refund_no of ours looks like this; anything else names nothing we hold. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TRACE_ID = Pattern.compile("(?!0+$)[0-9a-f]{16,32}");
    /** The notify endpoints that exist: their series are registered at zero so alerts see the first one. */
    private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint(PayChannel.WECHAT, NotifyKind.PAYMENT),
            new Endpoint(PayChannel.WECHAT, NotifyKind.REFUND), new Endpoint(PayChannel.ALIPAY, NotifyKind.PAYMENT));

    private record Endpoint(PayChannel channel, NotifyKind kind) {
    }

    private final NotifyLogMapper rows;
    private final MeterRegistry meters;
    private final ObjectProvider<Tracer> tracers;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile Instant writesPausedUntil = Instant.MIN;

    NotifyLog(NotifyLogMapper rows, MeterRegistry meters, ObjectProvider<Tracer> tracers,
              PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.meters = meters;
        this.tracers = tracers;
        // Its own short transaction: a refusal's row must not ride on (or roll back with) anything else.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setTimeout(5);
        this.clock = clock;
        for (Endpoint endpoint : ENDPOINTS) {
            counter(endpoint.channel(), endpoint.kind(), NotifyVerdict.ACCEPTED, NotifyReason.OK);
            counter(endpoint.channel(), endpoint.kind(), NotifyVerdict.DUPLICATE, NotifyReason.OK);
            for (NotifyReason reason : NotifyReason.values()) {
                if (reason != NotifyReason.OK) {
                    counter(endpoint.channel(), endpoint.kind(), NotifyVerdict.REFUSED, reason);
                }
            }
        }
    }

    /** Records one notification received on {@code channel}'s {@code kind} endpoint. Never throws. */
    public void record(PayChannel channel, NotifyKind kind, NotifyOutcome outcome) {
        Instant now = clock.instant();
        try {
            counter(channel, kind, outcome.verdict(), outcome.reason()).increment();
            if (now.isBefore(writesPausedUntil)) {
                log.warn("{} {} notification ({} {}, reference {}) not written to notify_log: writes paused after a"
                        + " failure", channel, kind, outcome.verdict(), outcome.reason().word(),
                        reference(outcome.reference()));
                return;
            }
            NotifyLogRow row = row(now, channel, kind, outcome);
            ownTransaction.executeWithoutResult(status -> rows.insert(row));
        } catch (RuntimeException e) {
            // The database is likely what failed the notification too; the answer stands either way.
            writesPausedUntil = now.plus(PAUSE_AFTER_FAILURE);
            log.error("could not record {} {} notification ({} {}, reference {}): {}", channel, kind,
                    outcome.verdict(), outcome.reason().word(), reference(outcome.reference()), e.toString());
        }
    }

    /**
     * Records one notification in the caller's transaction: its row commits or rolls back with what the
     * caller writes (a payment and its verdict, one commit), and it is counted once that commits. Throws
     * what the write throws, rolling the caller back; a notification that then ends otherwise is
     * {@link #record recorded} as that.
     */
    public void recordWithin(PayChannel channel, NotifyKind kind, NotifyOutcome outcome) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordWithin needs the caller's transaction");
        }
        rows.insert(row(clock.instant(), channel, kind, outcome));
        Counter counter = counter(channel, kind, outcome.verdict(), outcome.reason());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private NotifyLogRow row(Instant now, PayChannel channel, NotifyKind kind, NotifyOutcome outcome) {
        return new NotifyLogRow(now, channel, kind, outcome.verdict(), outcome.reason().word(),
                detail(outcome.detail()), reference(outcome.reference()), traceId());
    }

    private Counter counter(PayChannel channel, NotifyKind kind, NotifyVerdict verdict, NotifyReason reason) {
        return Counter.builder(NOTIFICATIONS)
                .description("Notifications received from WeChat and Alipay, by what became of them")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("kind", kind.tag())
                .tag("verdict", verdict.tag())
                .tag("reason", reason.word())
                .register(meters);
    }

    /** The current trace's id, so the row finds its log lines in every app; null outside a trace. */
    private String traceId() {
        Tracer tracer = tracers.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        String id = span == null ? null : span.context().traceId();
        return id != null && TRACE_ID.matcher(id).matches() ? id : null;
    }

    /** One line of at most 500 characters: the words come partly from an unverified body. */
    static String detail(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (line.length() <= MAX_DETAIL) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_DETAIL - 2)) ? MAX_DETAIL - 2 : MAX_DETAIL - 1;
        return line.substring(0, end) + "…";
    }

    /** Kept only when it could be one of ours; a reference of any other shape names nothing we hold. */
    static String reference(String text) {
        return text != null && REFERENCE.matcher(text).matches() ? text : null;
    }
}
