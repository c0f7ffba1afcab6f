package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figure 1: N started payments, all paid through the sandbox's scan API by a bounded pool of callers while
 * the sandbox holds their notifications back (not timed); then the notifications are let go, and the figure
 * is orders reaching PAID in the order schema per second, from that release to the COUNT (polled every
 * 100 ms) that saw the last one. Over the same window: the CPU each process used, and the statements MariaDB
 * served ({@link DatabaseCounters}). So the suite is timed over the span the floor is timed over, from the
 * first notification on; the shoppers' scans, which play no part in the floor, stay out of the window.
 * Before it, as many other orders as the floor's warm-up ({@link #warmUp(int)}) are paid the same way and not
 * recorded: nothing earlier in the bench runs the notification path, and the window must not hold the apps'
 * first compilations of it when the floor's holds none of its own.
 */
final class ThroughputRun {

    /** {@code notificationsAtOnce}: how many notification POSTs the sandbox sends at once, which the floor matches. */
    record Result(int orders, int warmUp, int notificationsAtOnce, int scanFailures, double scansSeconds, double seconds,
                  long paid, boolean complete, Processes.CpuWindow cpu, DatabaseCounters.Counts database, List<Pipeline.Sample> pipeline) {
        double ordersPerSecond() {
            return paid / seconds;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ThroughputRun.class);
    private static final long POLL_MILLIS = 100;
    /** The sandbox's own bound on a hold: if this run dies holding, the notifications go out by themselves then. */
    private static final int HOLD_SECONDS = 600;
    private static final int MAX_WARM_UP = 500;

    private final Suite suite;
    private final BenchOptions options;
    private final Thread releaseAtExit = new Thread(this::sendRelease, "release-notifications");
    private int notificationsAtOnce;

    ThroughputRun(Suite suite, BenchOptions options) {
        this.suite = suite;
        this.options = options;
    }

    Result run(String runId) throws Exception {
        Shoppers shoppers = Shoppers.signUp(suite.gateway(), runId, "tp", options.shoppers());
        int warmUp = warmUp(options.orders());
        long prepared = System.nanoTime();
        List<Shopper.Payment> payments = shoppers.payments(warmUp + options.orders(), options.concurrency());
        log.info("  {} orders placed and their payments started in {} s, {} of them for the warm-up (not timed)",
                payments.size(), String.format("%.1f", seconds(System.nanoTime() - prepared)), warmUp);
        try (PaidOrders paid = new PaidOrders(suite, shoppers.usernames()); DatabaseCounters database = DatabaseCounters.open(suite)) {
            long warming = System.nanoTime();
            payWarmUp(payments.subList(0, warmUp), paid);
            log.info("  {} warm-up orders PAID in {} s (not timed)", warmUp, String.format("%.1f", seconds(System.nanoTime() - warming)));
            return measure(payments.subList(warmUp, payments.size()), warmUp, paid, database);
        }
    }

    /** A tenth of the orders, at most 500: the floor's warm-up ({@link FloorRun}), so that both windows start warm alike. */
    static int warmUp(int orders) {
        return Math.min(MAX_WARM_UP, Math.max(1, orders / 10));
    }

    /** Pays the warm-up's orders as the timed ones will be paid, and waits until all of them are PAID. */
    private void payWarmUp(List<Shopper.Payment> payments, PaidOrders paid) throws InterruptedException {
        Bounded.Outcome<String> scans = payWithNotificationsHeld(payments);
        releaseNotifications();
        if (scans.failures() > 0) {
            throw new IllegalStateException("%d of the %d warm-up scans failed".formatted(scans.failures(), payments.size()),
                    scans.firstFailure());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        long count;
        while ((count = paid.count()) < payments.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up: %d of %d orders PAID after %d s"
                        .formatted(count, payments.size(), options.settleSeconds()));
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /** {@code warmUp}: the orders of these shoppers already PAID before, which the COUNT leaves out. */
    private Result measure(List<Shopper.Payment> payments, int warmUp, PaidOrders paid, DatabaseCounters database)
            throws InterruptedException, java.sql.SQLException {
        int n = payments.size();
        AtomicLong lastCount = new AtomicLong();
        AtomicLong lastChange = new AtomicLong();
        ScheduledExecutorService poller = Executors.newScheduledThreadPool(2);
        Pipeline pipeline = new Pipeline(suite, lastCount::get);
        long scanning = System.nanoTime();
        Bounded.Outcome<String> scans = payWithNotificationsHeld(payments);
        double scansSeconds = seconds(System.nanoTime() - scanning);
        log.info("  {} payments made at the sandbox in {} s, their notifications held (not timed)",
                n - scans.failures(), String.format("%.1f", scansSeconds));
        Processes.CpuMark cpuBefore = Processes.mark(suite.runDir());
        DatabaseCounters.Counts databaseBefore = database.snapshot();
        long start = System.nanoTime();
        releaseNotifications();
        poller.scheduleAtFixedRate(() -> {
            long count = paid.count() - warmUp;
            if (count != lastCount.get()) {
                lastCount.set(count);
                lastChange.set(System.nanoTime());
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(() -> pipeline.sample(start), 0, 1, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        while (lastCount.get() < n && System.nanoTime() < deadline) {
            // the poller owns the COUNT; this thread only waits for it to see them all
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        poller.shutdown();
        poller.awaitTermination(5, TimeUnit.SECONDS);
        Processes.CpuWindow cpu = cpuBefore.window();
        DatabaseCounters.Counts statements = database.snapshot().since(databaseBefore);
        pipeline.sample(start);
        pipeline.close();
        if (scans.failures() > 0) {
            log.warn("  {} scans failed, first: {}", scans.failures(), scans.firstFailure().toString());
        }
        long seen = lastCount.get();
        log.info("  {}", statements.describe(seen));
        return new Result(n, warmUp, notificationsAtOnce, scans.failures(), scansSeconds, seconds(lastChange.get() - start),
                seen, seen >= n, cpu, statements, pipeline.samples());
    }

    /** Every payment made at the sandbox, their notifications held there until {@link #releaseNotifications()}. */
    private Bounded.Outcome<String> payWithNotificationsHeld(List<Shopper.Payment> payments) {
        holdNotifications();
        try {
            return Bounded.run(payments, options.concurrency(), this::scan);
        } catch (RuntimeException e) {
            releaseNotifications();
            throw e;
        }
    }

    private void holdNotifications() {
        HttpResponse<String> held = Http.send(Http.request(notificationHold("?seconds=" + HOLD_SECONDS))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).join();
        if (held.statusCode() != 200) {
            throw new IllegalStateException("the sandbox did not hold notifications: %d %s"
                    .formatted(held.statusCode(), Http.abbreviate(held.body())));
        }
        // stopped meanwhile (Ctrl-C), the bench lets them go rather than leave the sandbox silent until the hold ends
        Runtime.getRuntime().addShutdownHook(releaseAtExit);
        notificationsAtOnce = Http.JSON.readTree(held.body()).path("maxInFlight").asInt(0);
        if (notificationsAtOnce < 1) {
            releaseNotifications();
            throw new IllegalStateException("the sandbox did not say how many notifications it sends at once: %s"
                    .formatted(Http.abbreviate(held.body())));
        }
    }

    private void releaseNotifications() {
        try {
            Runtime.getRuntime().removeShutdownHook(releaseAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it releases them
        }
        sendRelease();
    }

    private void sendRelease() {
        HttpResponse<String> released = Http.send(Http.request(notificationHold("")).DELETE().build()).join();
        if (released.statusCode() != 200) {
            throw new IllegalStateException("the sandbox did not release its notifications: %d %s"
                    .formatted(released.statusCode(), Http.abbreviate(released.body())));
        }
    }

    private URI notificationHold(String query) {
        return suite.sandbox().resolve("/sandbox/api/notifications/hold" + query);
    }

    private CompletableFuture<String> scan(Shopper.Payment payment) {
        return Http.send(Http.request(suite.sandbox().resolve("/sandbox/api/scan"))
                        .header("Content-Type", "application/json")
                        .POST(Http.json(Map.of("codeUrl", payment.codeUrl(), "outcome", "PAY")))
                        .build())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("scan %d %s".formatted(response.statusCode(), Http.abbreviate(response.body())));
                    }
                    return payment.orderId();
                });
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
