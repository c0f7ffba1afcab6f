package com.changgou.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the outbox: claim a batch of due rows (SKIP LOCKED plus a lease, so no other relay
 * publishes them meanwhile), publish them all outside any transaction, wait for the broker's
 * confirms, then mark the acked rows SENT and back off the rest, one UPDATE each. Rows their writer
 * leased to this process and handed over after its commit skip the claim ({@link #publish}). Each row is
 * published within the trace of the request that wrote it ({@link OutboxTracing}), and the rows marked
 * SENT are counted per exchange ({@link PublishedRows}).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MARK_ATTEMPTS = 10;

    private final OutboxMapper mapper;
    private final TransactionTemplate tx;
    private final RabbitTemplate rabbit;
    private final OutboxProperties props;
    private final Clock clock;
    private final Set<String> broadcastExchanges;
    private final OutboxTracing tracing;
    private final PublishedRows publishedRows;
    private final RetryTemplate lockRaces = lockRaceRetries();

    /**
     * {@code tx} must run READ COMMITTED ({@link OutboxConfiguration} makes one): no gap locks, so
     * claims and marks of different relays do not deadlock over index ranges; SKIP LOCKED still keeps
     * them off each other's rows. {@code rabbit} must publish with correlated confirms and returns,
     * mandatory. {@code broadcastExchanges}: exchanges where "no queue is bound" means "nobody is
     * listening right now", e.g. the browsers' fanout ({@link BroadcastExchanges}). A return from one
     * of them completes the row instead of retrying it forever; from any other exchange it keeps the
     * row NEW.
     */
    public OutboxRelay(OutboxMapper mapper, TransactionTemplate tx, RabbitTemplate rabbit, OutboxProperties props,
                       Clock clock, Set<String> broadcastExchanges) {
        this(mapper, tx, rabbit, props, clock, broadcastExchanges, OutboxTracing.NONE, PublishedRows.NONE);
    }

    OutboxRelay(OutboxMapper mapper, TransactionTemplate tx, RabbitTemplate rabbit, OutboxProperties props,
                Clock clock, Set<String> broadcastExchanges, OutboxTracing tracing, PublishedRows publishedRows) {
        this.broadcastExchanges = Set.copyOf(broadcastExchanges);
        this.mapper = mapper;
        this.tx = tx;
        this.rabbit = rabbit;
        this.props = props;
        this.clock = clock;
        this.tracing = tracing;
        this.publishedRows = publishedRows;
    }

    /** What became of one batch: the ids the broker confirmed, and the ids to try again later. */
    record Outcome(List<String> acked, List<String> failed) {

        static Outcome allFailed(List<OutboxRow> batch) {
            return new Outcome(List.of(), batch.stream().map(OutboxRow::id).toList());
        }
    }

    /** Claims and publishes one batch; returns how many rows it claimed (a full batch means: run again). */
    public int relayOnce() {
        List<OutboxRow> batch = claim();
        if (!batch.isEmpty()) {
            publish(batch);
        }
        return batch.size();
    }

    /**
     * Publishes rows this relay holds, claimed or handed over by their writer under a lease
     * ({@link OutboxRelayRunner#handOff}), and marks the acked ones SENT and the rest for a later try.
     */
    void publish(List<OutboxRow> batch) {
        Outcome outcome = publishOnOneChannel(batch);
        Instant now = clock.instant();
        if (!outcome.acked().isEmpty()) {
            // Must not be lost: a published row left NEW would be published again after its lease.
            retryingLockRaces(() -> mapper.markSent(outcome.acked(), OutboxState.NEW, OutboxState.SENT, now));
            countPublished(batch, outcome.acked());
        }
        if (!outcome.failed().isEmpty()) {
            retryingLockRaces(() -> mapper.markFailed(outcome.failed(), OutboxState.NEW, now,
                    props.backoffInitial().toMillis(), props.backoffMax().toMillis()));
            log.warn("outbox: {} of {} messages not confirmed, retrying later", outcome.failed().size(), batch.size());
        }
    }

    private void countPublished(List<OutboxRow> batch, List<String> acked) {
        Set<String> sent = Set.copyOf(acked);
        batch.stream()
                .filter(row -> sent.contains(row.id()))
                .collect(Collectors.groupingBy(OutboxRow::exchange, Collectors.counting()))
                .forEach((exchange, rows) -> publishedRows.add(exchange, rows.intValue()));
    }

    /** Each update in its own transaction; a lost lock race is retried, the last failure rethrown. */
    private void retryingLockRaces(Runnable update) {
        lockRaces.invoke(() -> tx.executeWithoutResult(status -> update.run()));
    }

    /** Up to {@value #MARK_ATTEMPTS} attempts, 5 ms back-off doubling to at most 45 ms. */
    private static RetryTemplate lockRaceRetries() {
        RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(MARK_ATTEMPTS - 1)
                .delay(Duration.ofMillis(5))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(45))
                .includes(PessimisticLockingFailureException.class)
                .build());
        retries.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
                log.debug("outbox: mark lost a lock race, retrying");
            }
        });
        return retries;
    }

    private List<OutboxRow> claim() {
        try {
            return lockAndLease();
        } catch (PessimisticLockingFailureException e) {
            // Another relay is mid-claim on neighbouring rows; what is due stays due for the next pass.
            log.debug("outbox: claim lost a lock race: {}", e.getMessage());
            return List.of();
        }
    }

    private List<OutboxRow> lockAndLease() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<OutboxRow> rows = mapper.lockDue(OutboxState.NEW, now, props.batchSize());
            if (!rows.isEmpty()) {
                mapper.lease(rows.stream().map(OutboxRow::id).toList(), now.plus(props.lease()));
            }
            return rows;
        });
    }

    /**
     * The whole batch on one channel, its confirms awaited before the channel goes back to the
     * cache. Sent one by one through the template, each message took a channel of its own and a
     * thread that waited for its confirm before returning it (what that cost: docs/bench/profile.md,
     * section 3).
     */
    private Outcome publishOnOneChannel(List<OutboxRow> batch) {
        AtomicReference<Outcome> decided = new AtomicReference<>();
        try {
            rabbit.invoke(channel -> {
                decided.set(publishAndAwaitConfirms(channel, batch));
                return null;
            });
            // Nothing decided means the template never ran the callback: nothing was published.
            return decided.get() != null ? decided.get() : Outcome.allFailed(batch);
        } catch (AmqpException e) {
            // No channel to be had (broker down), or it broke on the way back to the cache after the
            // confirms were in: what was not confirmed by then is retried.
            log.warn("outbox: no channel to publish on, unconfirmed messages wait: {}", e.getMessage());
            return decided.get() != null ? decided.get() : Outcome.allFailed(batch);
        }
    }

    private Outcome publishAndAwaitConfirms(RabbitOperations channel, List<OutboxRow> batch) {
        List<CorrelationData> pending = new ArrayList<>(batch.size());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxRow row = batch.get(i);
            CorrelationData correlation = new CorrelationData(row.id());
            try {
                tracing.publishWithin(row.traceParent(),
                        () -> channel.send(row.exchange(), row.routingKey(), toMessage(row), correlation));
                pending.add(correlation);
            } catch (AmqpConnectException e) {
                // The connection is gone, and the batch's one channel with it: the rest waits too.
                log.warn("outbox: broker unreachable, {} messages wait: {}", batch.size() - i, e.getMessage());
                batch.subList(i, batch.size()).forEach(r -> failed.add(r.id()));
                break;
            } catch (AmqpException e) {
                log.warn("outbox: publishing {} failed: {}", row.id(), e.getMessage());
                failed.add(row.id());
            }
        }
        List<String> acked = new ArrayList<>(pending.size());
        long deadline = System.nanoTime() + props.confirmTimeout().toNanos();
        for (CorrelationData correlation : pending) {
            if (confirmed(correlation, deadline, broadcastExchanges)) {
                acked.add(correlation.getId());
            } else {
                failed.add(correlation.getId());
            }
        }
        return new Outcome(List.copyOf(acked), List.copyOf(failed));
    }

    private static boolean confirmed(CorrelationData correlation, long deadline, Set<String> broadcastExchanges) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(left, TimeUnit.NANOSECONDS);
            // A mandatory message that no queue took comes back before its ack: not delivered.
            if (correlation.getReturned() != null) {
                if (broadcastExchanges.contains(correlation.getReturned().getExchange())) {
                    return confirm.ack();
                }
                log.warn("outbox: {} returned unroutable ({})", correlation.getId(),
                        correlation.getReturned().getReplyText());
                return false;
            }
            return confirm.ack();
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Message toMessage(OutboxRow row) {
        return MessageBuilder.withBody(row.body().getBytes(StandardCharsets.UTF_8))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding(StandardCharsets.UTF_8.name())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(row.id())
                .setType(row.type())
                .build();
    }
}
