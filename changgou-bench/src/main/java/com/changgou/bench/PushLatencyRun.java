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
 * Figure 2: from the instant the bench POSTs a signed notification to the gateway to the instant
 * the STOMP MESSAGE carrying that payment's token reaches a subscribed Web STOMP client, at a
 * paced rate well below the throughput so that it measures latency, not queueing. Beside it the
 * seeds' 3-second polling, computed from the same payments: the wait for the next poll (a random
 * phase in [0, 3 s) after the notification was acknowledged) plus a measured status round trip.
 */
final class PushLatencyRun {

    record Result(int payments, int warmUp, int rate, int lost, String subscriberLost, int refused, Percentiles push,
                  Percentiles notifyReply, Percentiles statusRoundTrip, Percentiles polling) {
    }

    private static final Logger log = LoggerFactory.getLogger(PushLatencyRun.class);
    private static final double POLL_PERIOD_MILLIS = 3000;

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
        Map<String, Double> pushMillis = new ConcurrentHashMap<>();
        Map<String, Double> replyMillis = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(payments.size());
        String subscriberLost;
        try (StompClient stomp = StompClient.connect(suite.webStomp(), suite.webStompUser(), suite.webStompPassword(),
                suite.rabbitVhost(), delivery -> {
                    String token = token(delivery.frame().body());
                    Long sent = token == null ? null : posted.get(token);
                    if (sent != null && pushMillis.putIfAbsent(token, (delivery.arrivedNanos() - sent) / 1e6) == null) {
                        arrived.countDown();
                    }
                })) {
            // as each page does: its own payment's token on the topic exchange bound to paynotify
            for (Shopper.Payment payment : all) {
                stomp.subscribe("/exchange/paynotify.token/" + payment.token());
            }
            // the same path first, unrecorded, so that the figures are not the JIT's first compilations
            pace(warmUp, charges, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicInteger());
            pace(payments, charges, posted, replyMillis, refused);
            awaitArrivals(arrived, stomp);
            subscriberLost = stomp.lost();
        }
        Map<String, Double> statusMillis = statusRoundTrips(payments);
        return result(payments, pushMillis, replyMillis, statusMillis, refused.get(), subscriberLost);
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

    /** One notification every 1/rate s; the POST instant is taken right before it is handed to the client. */
    private void pace(List<Shopper.Payment> payments, Map<String, OpenPayRecords.Charge> charges, Map<String, Long> posted,
                      Map<String, Double> replyMillis, AtomicInteger refused) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch sent = new CountDownLatch(payments.size());
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
            long start = System.nanoTime();
            posted.put(payment.token(), start);
            Http.send(request).whenComplete((reply, error) -> {
                if (error != null || !WeChatNotification.acknowledged(reply.body())) {
                    refused.incrementAndGet();
                } else {
                    replyMillis.put(payment.token(), (System.nanoTime() - start) / 1e6);
                }
                sent.countDown();
            });
        }, 0, 1_000_000_000L / options.pushRate(), TimeUnit.NANOSECONDS);
        sent.await(options.settleSeconds() + payments.size() / options.pushRate(), TimeUnit.SECONDS);
        ticker.shutdownNow();
    }

    /** The shoppers' polling call once for each paid order, a few at a time; only its round trip is kept. */
    private Map<String, Double> statusRoundTrips(List<Shopper.Payment> payments) {
        Map<String, Double> millis = new ConcurrentHashMap<>();
        Bounded.run(payments, Math.max(1, options.concurrency() / 4), payment -> {
            long start = System.nanoTime();
            return payment.shopper().payStatus(payment.orderId()).thenApply(response -> {
                double rtt = (System.nanoTime() - start) / 1e6;
                if ("SUCCESS".equals(Http.data(response).path("state").asString())) {
                    millis.put(payment.token(), rtt);
                }
                return rtt;
            });
        });
        return millis;
    }

    private Result result(List<Shopper.Payment> payments, Map<String, Double> push, Map<String, Double> reply,
                          Map<String, Double> status, int refused, String subscriberLost) {
        Random phase = new Random(42);
        double[] polling = payments.stream()
                .filter(p -> reply.containsKey(p.token()) && status.containsKey(p.token()))
                .mapToDouble(p -> reply.get(p.token()) + phase.nextDouble() * POLL_PERIOD_MILLIS + status.get(p.token()))
                .toArray();
        int lost = payments.size() - push.size();
        if (lost > 0) {
            log.warn("  {} of {} payments never reached the STOMP subscriber{}", lost, payments.size(),
                    subscriberLost == null ? "" : ", whose connection was lost: " + subscriberLost);
        }
        return new Result(payments.size(), options.pushWarmUp(), options.pushRate(), lost, subscriberLost, refused,
                Percentiles.ofMillis(push.values()),
                Percentiles.ofMillis(reply.values()), Percentiles.ofMillis(status.values()), Percentiles.ofMillis(polling));
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
