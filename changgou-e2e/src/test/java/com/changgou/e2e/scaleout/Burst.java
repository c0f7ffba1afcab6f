package com.changgou.e2e.scaleout;

import static org.awaitility.Awaitility.await;

import com.changgou.e2e.faults.PendingOrder;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Orders placed through the shop's one address (HAProxy) and paid at the sandbox as soon as each is
 * placed, eight at a time, while faults strike part-way: a fault is due when so many orders have been
 * placed and runs on a thread of its own, so the burst goes on while an instance dies or restarts.
 *
 * <p>A shopper's request that a dying instance had taken fails (502, 500); the shopper tries again,
 * as a person would. Placing an order is not repeatable, so a retried placement may leave an order
 * nobody pays behind (it closes at the timeout); only the orders the shop confirmed are followed.
 */
final class Burst {

    private static final Duration TRY_FOR = Duration.ofSeconds(90);

    private final Suite suite;
    private final Shopper shopper;
    private final Map<Integer, Runnable> faults = new TreeMap<>();
    private final AtomicInteger retried = new AtomicInteger();

    Burst(Suite suite, Shopper shopper) {
        this.suite = suite;
        this.shopper = shopper;
    }

    /** Runs {@code action} once {@code placed} orders of the burst have been placed and paid. */
    Burst at(int placed, Runnable action) {
        faults.put(placed, action);
        return this;
    }

    /** Requests of shoppers that failed and were tried again. */
    int retried() {
        return retried.get();
    }

    /** Places and pays {@code count} orders; returns them once every one is paid at WeChat and every fault has run. */
    List<PendingOrder> run(int count) throws Exception {
        ExecutorService shoppers = Executors.newFixedThreadPool(8);
        ExecutorService strikes = Executors.newSingleThreadExecutor();
        AtomicInteger placed = new AtomicInteger();
        List<CompletableFuture<Void>> struck = new ArrayList<>();
        List<PendingOrder> orders = new ArrayList<>();
        try {
            List<Future<PendingOrder>> paying = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int quantity = 1 + i % 99;
                paying.add(shoppers.submit(() -> {
                    PendingOrder order = placeAndStartPaying(quantity);
                    suite.sandbox().pay(order.codeUrl());
                    Runnable due = faults.get(placed.incrementAndGet());
                    if (due != null) {
                        synchronized (struck) {
                            struck.add(CompletableFuture.runAsync(due, strikes));
                        }
                    }
                    return order;
                }));
            }
            for (Future<PendingOrder> future : paying) {
                orders.add(future.get());
            }
            synchronized (struck) {
                CompletableFuture.allOf(struck.toArray(CompletableFuture[]::new)).get();
            }
        } finally {
            shoppers.shutdownNow();
            strikes.shutdownNow();
        }
        return orders;
    }

    private PendingOrder placeAndStartPaying(int quantity) {
        String orderId = retrying(() -> shopper.placeOrder(Goods.STICKER, quantity));
        JsonNode payment = retrying(() -> shopper.nativePay(orderId));
        return new PendingOrder(orderId, payment.path("outTradeNo").asString(), payment.path("codeUrl").asString(),
                payment.path("totalFee").asLong());
    }

    private <T> T retrying(Callable<T> request) {
        AtomicInteger attempts = new AtomicInteger();
        return await().atMost(TRY_FOR).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (attempts.incrementAndGet() > 1) {
                        retried.incrementAndGet();
                    }
                    return request.call();
                }, Objects::nonNull);
    }
}
