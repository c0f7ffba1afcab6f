package com.changgou.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The outbox as operators watch it: {@value #BACKLOG} (rows not yet confirmed by the broker),
 * {@value #OLDEST_AGE} in seconds (how long the oldest of them has waited, 0 when none does) and the
 * counter {@value #PUBLISHED} per exchange (rows marked SENT). The gauges read what a query every
 * {@code changgou.outbox.metrics-interval} last found, so a scrape never touches the database; the age
 * is measured at the scrape, from the oldest row's creation time.
 *
 * <p>The query runs on a thread of its own rather than as a {@code @Scheduled} task: Spring observes
 * scheduled tasks, and a trace every few seconds per app would bury the traces people look for.
 */
class OutboxMetrics implements MeterBinder, PublishedRows, DisposableBean {

    static final String BACKLOG = "changgou.outbox.backlog";
    static final String OLDEST_AGE = "changgou.outbox.oldest.age";
    static final String PUBLISHED = "changgou.outbox.published";

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final OutboxMapper mapper;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    OutboxMetrics(OutboxMapper mapper, Clock clock, Duration interval) {
        this.mapper = mapper;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BACKLOG, waiting, AtomicLong::get)
                .description("Outbox rows written but not yet confirmed by the broker")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        boolean first = this.registry == null;
        this.registry = registry;
        // Started once a registry is bound: an app that exports no metrics never runs the query.
        if (first) {
            refresher.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    void refresh() {
        try {
            OutboxBacklog backlog = mapper.backlog(OutboxState.NEW);
            waiting.set(backlog.waiting());
            oldest.set(backlog.oldest());
        } catch (RuntimeException e) {
            // The database is away: the gauges keep their last values, its own health check says why.
            log.debug("outbox backlog query failed: {}", e.toString());
        }
    }

    @Override
    public void add(String exchange, int rows) {
        MeterRegistry bound = registry;
        if (bound == null) {
            return;
        }
        published.computeIfAbsent(exchange, name -> Counter.builder(PUBLISHED)
                        .description("Outbox rows the broker confirmed and the relay marked SENT")
                        .tag("exchange", name)
                        .register(bound))
                .increment(rows);
    }

    private double oldestAgeSeconds() {
        Instant since = oldest.get();
        if (since == null) {
            return 0;
        }
        Duration age = Duration.between(since, clock.instant());
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
