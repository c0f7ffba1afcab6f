package com.changgou.bench;

import com.changgou.testkit.WeChatNotification;
import java.net.http.HttpRequest;
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
import tools.jackson.databind.JsonNode;

/**
 * Figure 2: from the instant the bench was to POST a signed notification to the gateway to the
 * instant the STOMP MESSAGE carrying that payment's token reaches a subscribed Web STOMP client, at
 * a paced rate well below the throughput so that it measures latency, not queueing. Times run from
 * each notification's intended instant ({@link Pacing}), so a stall of the bench's own sender counts
 * against the figure instead of hiding from it. Beside it the seeds' 3-second polling, computed from
 * the same payments: the wait for the next poll (a random phase in [0, 3 s) after the notification
 * was acknowledged) plus a measured status round trip.
 */
final class PushLatencyRun {

    record Result(int payments, int warmUp, int rate, int lost, String subscriberLost, int refused, Percentiles push,
                  Percentiles notifyReply, Percentiles statusRoundTrip, Percentiles polling) {
    }

    private static final Logger log = LoggerFactory.getLogger(PushLatencyRun.class);
    private static final long POLL_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Suite suite;
    private final BenchOptions options;
    private final WeChatNotification notifications;

    PushLatencyRun(Suite suite, BenchOptions options, WeChatNotification notifications) {
        this.suite = suite;
        this.options = options;
        this.notifications = notifications;
    }

    Result run(String runId) throws InterruptedException {
        Shoppers shoppers = Shoppers.signUp(suite.gateway(), runId, "push", options.shoppers(), options.concurrency());
        List<Shopper.Payment> all = shoppers.payments(options.pushWarmUp() + options.pushPayments(), options.concurrency());
        List<Shopper.Payment> warmUp = all.subList(0, options.pushWarmUp());
        List<Shopper.Payment> payments = all.subList(options.pushWarmUp(), all.size());
        Map<String, OpenPayRecords.Charge> charges = charges(all);
        Map<String, Long> posted = new ConcurrentHashMap<>();
        Map<String, Long> pushNanos = new ConcurrentHashMap<>();
        Map<String, Long> replyNanos = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(payments.size());
        String subscriberLost;
        try (StompClient stomp = StompClient.connect(suite.webStomp(), suite.webStompUser(), suite.webStompPassword(),
                suite.rabbitVhost(), delivery -> {
                    String token = token(delivery.frame().body());
                    Long sent = token == null ? null : posted.get(token);
                    if (sent != null && pushNanos.putIfAbsent(token, delivery.arrivedNanos() - sent) == null) {
                        arrived.countDown();
                    }
                })) {
            // as each page does: its own payment's token on the topic exchange bound to paynotify
            for (Shopper.Payment payment : all) {
                stomp.subscribe("/exchange/paynotify.token/" + payment.token());
            }
            // the same path first, unrecorded, so that the figures are not the JIT's first compilations
            pace(warmUp, charges, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicInteger());
            pace(payments, charges, posted, replyNanos, refused);
            awaitArrivals(arrived, stomp);
            subscriberLost = stomp.lost();
        }
        Map<String, Long> statusNanos = statusRoundTrips(payments);
        return result(payments, pushNanos, replyNanos, statusNanos, refused.get(), subscriberLost);
    }

    /** Waits for every frame, but not for a subscriber that is gone: its missing frames never come. */
    private void awaitArrivals(CountDownLatch arrived, StompClient stomp) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        while (!arrived.await(200, TimeUnit.MILLISECONDS) && stomp.lost() == null && System.nanoTime() < deadline) {
            // keep waiting: frames are still on their way
        }
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
    private void pace(List<Shopper.Payment> payments, Map<String, OpenPayRecords.Charge> charges, Map<String, Long> posted,
                      Map<String, Long> replyNanos, AtomicInteger refused) throws InterruptedException {
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
            long intended = pacing.intendedNanos(i);
            posted.put(payment.token(), intended);
            Http.send(request).whenComplete((reply, error) -> {
                if (error != null || !WeChatNotification.acknowledged(reply.body())) {
                    refused.incrementAndGet();
                } else {
                    replyNanos.put(payment.token(), System.nanoTime() - intended);
                }
                sent.countDown();
            });
        }, 0, pacing.intervalNanos(), TimeUnit.NANOSECONDS);
        sent.await(options.settleSeconds() + payments.size() / options.pushRate(), TimeUnit.SECONDS);
        ticker.shutdownNow();
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

    private Result result(List<Shopper.Payment> payments, Map<String, Long> push, Map<String, Long> reply,
                          Map<String, Long> status, int refused, String subscriberLost) {
        Random phase = new Random(42);
        List<Long> polling = payments.stream()
                .filter(p -> reply.containsKey(p.token()) && status.containsKey(p.token()))
                .map(p -> reply.get(p.token()) + (long) (phase.nextDouble() * POLL_PERIOD_NANOS) + status.get(p.token()))
                .toList();
        int lost = payments.size() - push.size();
        if (lost > 0) {
            log.warn("  {} of {} payments never reached the STOMP subscriber{}", lost, payments.size(),
                    subscriberLost == null ? "" : ", whose connection was lost: " + subscriberLost);
        }
        return new Result(payments.size(), options.pushWarmUp(), options.pushRate(), lost, subscriberLost, refused,
                Percentiles.ofNanos(push.values()),
                Percentiles.ofNanos(reply.values()), Percentiles.ofNanos(status.values()), Percentiles.ofNanos(polling));
    }

    private static String token(String body) {
        try {
            JsonNode message = Http.JSON.readTree(body);
            return message.path("token").asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
