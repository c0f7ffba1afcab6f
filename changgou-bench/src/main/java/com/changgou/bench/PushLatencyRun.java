package com.changgou.bench;

import com.changgou.testkit.WeChatNotification;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figure 2: N wxpay pages open at once, each its own WebSocket and STOMP session through the
 * gateway's push path as its shopper's browser opens it, each waiting for its own payment, while
 * those N payments are paid at a paced rate well below the throughput (so that it measures latency,
 * not queueing). Push latency runs from the instant the bench was to POST a payment's signed
 * notification to the gateway to the instant the MESSAGE frame carrying its token reached its page.
 * Times run from each notification's intended instant ({@link Pacing}), so a stall of the bench's own
 * sender counts against the figure instead of hiding from it.
 *
 * <p>The same load twice, one after the other: pages subscribed to their own token (as the wxpay
 * page is), then N other pages on the plain {@code paynotify} fanout, where every page receives every
 * payment's frame. Every MESSAGE frame the pages receive is counted. Beside the token-routed figures
 * the seeds' 3-second polling, computed from the same payments: the wait for the next poll (a random
 * phase in [0, 3 s) after the notification was acknowledged) plus a measured status round trip.
 */
final class PushLatencyRun {

    /**
     * One mode's figures: {@code pages} pages opened ({@code pagesRefused} could not), {@code payments}
     * payments paid ({@code refused} notifications not acknowledged), the push latency of those whose
     * frame arrived, and the MESSAGE frames all the pages received while they were paid.
     */
    record Mode(PushMode mode, int pages, int pagesRefused, int payments, int refused, Percentiles push, int neverPushed,
                long frames, String connectionsLost, Load load) {

        /** What the broker delivered to the pages for each payment: 1 when each goes to its own page only. */
        double framesPerPayment() {
            return payments == 0 ? Double.NaN : (double) frames / payments;
        }
    }

    /**
     * What the machine spent while one mode's payments were paid, from the first notification until the frames
     * stopped coming (the open pages' own upkeep included): CPU per process, and the statements MariaDB served.
     */
    record Load(Processes.CpuWindow cpu, DatabaseCounters.Counts database) {
    }

    /** Both modes, measured through {@code url} with {@code payments} pages each, and the polling beside the token-routed one. */
    record Result(URI url, int payments, int warmUp, int rate, int settleSeconds, Mode tokenRouted, Mode fanout, Percentiles notifyReply,
                  Percentiles statusRoundTrip, Percentiles polling) {
    }

    /** What {@code bench-fanout-<run>} may do on the suite's vhost: what webguest may, but on the fanout instead of the topic. */
    static final String FANOUT_CONFIGURE = "^stomp-subscription-.*";
    static final String FANOUT_WRITE = "^stomp-subscription-.*";
    static final String FANOUT_READ = "^(paynotify|stomp-subscription-.*)$";

    private static final Logger log = LoggerFactory.getLogger(PushLatencyRun.class);
    private static final long POLL_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Duration BROKER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** The notifications of one mode's payments: when each was due, and its reply time from then. */
    private record Paced(Map<String, Long> intended, Map<String, Long> replyNanos, int refused) {
    }

    private final Suite suite;
    private final BenchOptions options;
    private final WeChatNotification notifications;
    private final RabbitManagement broker;
    private final PushSockets sockets = new PushSockets();

    PushLatencyRun(Suite suite, BenchOptions options, WeChatNotification notifications) {
        this.suite = suite;
        this.options = options;
        this.notifications = notifications;
        this.broker = new RabbitManagement(suite);
    }

    Result run(String runId) throws InterruptedException, SQLException {
        int pages = options.pushPages();
        int warmUp = options.pushWarmUp();
        requireRoomForPages(Math.max(pages, warmUp), broker.fileDescriptors());
        Shoppers shoppers = Shoppers.signUp(suite.gateway(), runId, "push", options.shoppers());
        List<Shopper.Payment> all = shoppers.payments(warmUp + 2 * pages, options.concurrency());
        Map<String, OpenPayRecords.Charge> charges = charges(all);
        StompClient.Login webguest = new StompClient.Login(suite.webStompUser(), suite.webStompPassword(), suite.rabbitVhost());
        int webguestBefore = broker.connections(webguest.login());
        if (webguestBefore > 0) {
            log.warn("  {} already has {} connections open: they count against its limit beside the bench's pages",
                    webguest.login(), webguestBefore);
        }
        log.info("  warm-up: {} payments on pages of their own, unrecorded", warmUp);
        // The same path first, unrecorded, so that the figures are not the JIT's first compilations; on
        // pages of their own, closed before the measured ones open, which with them would pass webguest's
        // limit on connections.
        try (DatabaseCounters database = DatabaseCounters.open(suite)) {
            measure(PushMode.TOKEN_ROUTED, all.subList(0, warmUp), webguest, webguestBefore, charges, database);
            List<Shopper.Payment> routed = all.subList(warmUp, warmUp + pages);
            Measured tokenRouted = measure(PushMode.TOKEN_ROUTED, routed, webguest, webguestBefore, charges, database);
            Map<String, Long> statusNanos = statusRoundTrips(routed);
            Measured fanout = fanout(runId, all.subList(warmUp + pages, all.size()), charges, database);
            return result(routed, tokenRouted, fanout, statusNanos);
        }
    }

    /**
     * Each open page is a Web STOMP connection, and so a file descriptor of the broker's. A broker
     * out of descriptors does worse than refuse connections: its own reads of /proc fail, its memory
     * monitors crash and its queues with them (seen with 1,000 pages under RabbitMQ's default limit
     * of 1,024). So the run opens no page unless every running node keeps a fifth of its limit
     * spare with all the pages open.
     */
    static void requireRoomForPages(int pages, List<RabbitManagement.FileDescriptors> nodes) {
        for (RabbitManagement.FileDescriptors node : nodes) {
            long room = node.total() * 4 / 5 - node.used();
            if (pages > room) {
                throw new IllegalStateException(("%d push pages need %d more file descriptors at the broker, but %s uses %d of "
                        + "its %d and keeps a fifth spare: room for %d pages. Raise RabbitMQ's open-files limit "
                        + "(LimitNOFILE of its service, or ulimit -n where it starts) or open fewer (--push-pages)")
                        .formatted(pages, pages, node.node(), node.used(), node.total(), Math.max(0, room)));
            }
        }
    }

    /** The fanout's pages log in as a broker user of this run's own: webguest may not read paynotify itself. */
    private Measured fanout(String runId, List<Shopper.Payment> payments, Map<String, OpenPayRecords.Charge> charges,
                            DatabaseCounters database) throws InterruptedException {
        StompClient.Login login = new StompClient.Login("bench-fanout-" + runId, Shoppers.password(), suite.rabbitVhost());
        broker.createUser(login.login(), login.passcode(), suite.rabbitVhost(), FANOUT_CONFIGURE, FANOUT_WRITE, FANOUT_READ);
        try {
            return measure(PushMode.PLAIN_FANOUT, payments, login, 0, charges, database);
        } finally {
            try {
                broker.deleteUser(login.login());
            } catch (RuntimeException e) {
                log.warn("  could not delete the broker user {}; delete it by hand: {}", login.login(), e.toString());
            }
        }
    }

    /** What one mode's pages saw while their payments were paid. */
    private record Measured(PushMode mode, int payments, int pages, int pagesRefused, Paced paced, Map<String, Long> pushNanos,
                            long frames, String connectionsLost, Load load) {
    }

    /**
     * Opens a page for each payment, pays them all at the paced rate, waits for their frames, and
     * closes the pages, waiting until the broker has them closed (so that the next pages stay within
     * the user's and the vhost's connection limits).
     */
    private Measured measure(PushMode mode, List<Shopper.Payment> payments, StompClient.Login login, int connectionsBefore,
                             Map<String, OpenPayRecords.Charge> charges, DatabaseCounters database) throws InterruptedException {
        log.info("  {}: opening {} pages at {} as {}", mode.label(), payments.size(), suite.webStomp(), login.login());
        PushPages pages = PushPages.open(mode, payments, suite.webStomp(), login, sockets::of, options.concurrency());
        try {
            long framesBefore = pages.frames();
            Processes.CpuMark cpuBefore = Processes.mark(suite.runDir());
            DatabaseCounters.Counts databaseBefore = database.snapshot();
            Paced paced = pace(payments, charges);
            pages.awaitDeliveries(payments.size(), framesBefore,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds()));
            Load load = new Load(cpuBefore.window(),
                    database.snapshot().since(databaseBefore));
            long frames = pages.frames() - framesBefore;
            Map<String, Long> push = latencies(pages.arrivals(), paced.intended());
            log.info("  {}: {} of {} pushed, {} frames to {} pages", mode.label(), push.size(), payments.size(), frames,
                    pages.opened());
            log.info("  {}: {}", mode.label(), load.database().describe(payments.size()));
            return new Measured(mode, payments.size(), pages.opened(), pages.refused(), paced, push, frames, pages.lost(), load);
        } finally {
            pages.close();
            if (!broker.awaitConnectionsAtMost(login.login(), connectionsBefore, BROKER_CLOSE_TIMEOUT)) {
                log.warn("  the broker still holds more than {} connections of {} {} after its pages closed",
                        connectionsBefore, login.login(), BROKER_CLOSE_TIMEOUT);
            }
        }
    }

    /** Each arrived page's latency: from when its payment's notification was due to when its frame came. */
    static Map<String, Long> latencies(Map<String, Long> arrivedNanos, Map<String, Long> intendedNanos) {
        Map<String, Long> latencies = new HashMap<>();
        arrivedNanos.forEach((token, arrived) -> {
            Long intended = intendedNanos.get(token);
            if (intended != null) {
                latencies.put(token, arrived - intended);
            }
        });
        return latencies;
    }

    /**
     * The out_trade_no and total_fee each notification names, read before any is sent (not timed):
     * the bench plays WeChat here, which knows them, while the shoppers' pages do not show them.
     */
    private Map<String, OpenPayRecords.Charge> charges(List<Shopper.Payment> payments) {
        Map<String, OpenPayRecords.Charge> charges = OpenPayRecords.byOrderId(suite,
                payments.stream().map(Shopper.Payment::orderId).toList());
        long missing = payments.stream().filter(p -> !charges.containsKey(p.orderId())).count();
        if (missing > 0) {
            throw new IllegalStateException("%d of %d started payments have no open pay record in %s"
                    .formatted(missing, payments.size(), suite.paySchema()));
        }
        return charges;
    }

    /** One notification every 1/rate s; each is timed from the instant it was meant to leave. */
    private Paced pace(List<Shopper.Payment> payments, Map<String, OpenPayRecords.Charge> charges) throws InterruptedException {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Map<String, Long> replyNanos = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch sent = new CountDownLatch(payments.size());
        Pacing pacing = Pacing.perSecond(options.pushRate(), System.nanoTime());
        ticker.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= payments.size()) {
                return;
            }
            Shopper.Payment payment = payments.get(i);
            OpenPayRecords.Charge charge = charges.get(payment.orderId());
            HttpRequest request = Http.request(suite.gateway().resolve("/api/pay/wxpay/notify"))
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(notifications.paid(charge.outTradeNo(), charge.totalFee())))
                    .build();
            long due = pacing.intendedNanos(i);
            intended.put(payment.token(), due);
            Http.send(request).whenComplete((reply, error) -> {
                if (error != null || !WeChatNotification.acknowledged(reply.body())) {
                    refused.incrementAndGet();
                } else {
                    replyNanos.put(payment.token(), System.nanoTime() - due);
                }
                sent.countDown();
            });
        }, 0, pacing.intervalNanos(), TimeUnit.NANOSECONDS);
        sent.await(options.settleSeconds() + payments.size() / options.pushRate(), TimeUnit.SECONDS);
        ticker.shutdownNow();
        return new Paced(intended, replyNanos, refused.get());
    }

    /** The shoppers' polling call once for each paid order, a few at a time; only its round trip is kept. */
    private Map<String, Long> statusRoundTrips(List<Shopper.Payment> payments) {
        Map<String, Long> nanos = new ConcurrentHashMap<>();
        Bounded.run(payments, Math.max(1, options.concurrency() / 4), payment -> {
            long start = System.nanoTime();
            return payment.shopper().payStatus(payment.orderId()).thenApply(response -> {
                long rtt = System.nanoTime() - start;
                if ("SUCCESS".equals(Http.data(response).path("state").asString())) {
                    nanos.put(payment.token(), rtt);
                }
                return rtt;
            });
        });
        return nanos;
    }

    private Result result(List<Shopper.Payment> routed, Measured tokenRouted, Measured fanout, Map<String, Long> status) {
        Map<String, Long> reply = tokenRouted.paced().replyNanos();
        Random phase = new Random(42);
        List<Long> polling = routed.stream()
                .filter(p -> reply.containsKey(p.token()) && status.containsKey(p.token()))
                .map(p -> reply.get(p.token()) + (long) (phase.nextDouble() * POLL_PERIOD_NANOS) + status.get(p.token()))
                .toList();
        return new Result(suite.webStomp(), routed.size(), options.pushWarmUp(), options.pushRate(), options.settleSeconds(),
                mode(tokenRouted), mode(fanout),
                percentiles(reply.values()), percentiles(status.values()), percentiles(polling));
    }

    private static Mode mode(Measured m) {
        int payments = m.payments();
        int neverPushed = payments - m.pushNanos().size();
        if (neverPushed > 0) {
            log.warn("  {}: {} of {} payments never reached their page{}", m.mode().label(), neverPushed, payments,
                    m.connectionsLost() == null ? "" : "; connections lost: " + m.connectionsLost());
        }
        return new Mode(m.mode(), m.pages(), m.pagesRefused(), payments, m.paced().refused(), percentiles(m.pushNanos().values()),
                neverPushed, m.frames(), m.connectionsLost(), m.load());
    }

    /** Percentiles of what was measured; of nothing (NaN) when nothing was, so that the report can say so. */
    static Percentiles percentiles(Collection<Long> nanos) {
        return nanos.isEmpty() ? new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN) : Percentiles.ofNanos(nanos);
    }
}
