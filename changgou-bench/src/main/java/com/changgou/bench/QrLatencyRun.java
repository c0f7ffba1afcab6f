package com.changgou.bench;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figure 3: the wxpay page for fresh orders, one call at a time through the gateway. The first
 * call for an order goes web-order → order → pay → WeChat unifiedorder, which is what a shopper
 * waits for before the QR code shows; a page without its QR fails the run. A warm-up on other
 * fresh orders comes first. The orders are placed beforehand through the shop's form (not timed).
 * The calls are not paced (each starts when the last one returned), so each is timed from its own
 * start: there is no intended instant for a stall to push it past.
 */
final class QrLatencyRun {

    record Result(int calls, int warmUp, Percentiles latency) {
    }

    private static final Logger log = LoggerFactory.getLogger(QrLatencyRun.class);

    private final Suite suite;
    private final BenchOptions options;

    QrLatencyRun(Suite suite, BenchOptions options) {
        this.suite = suite;
        this.options = options;
    }

    Result run(String runId) {
        Shoppers shoppers = Shoppers.signUp(suite.gateway(), runId, "qr", options.shoppers());
        List<Shoppers.Placed> orders = shoppers.orders(options.qrWarmUp() + options.qrCalls(), options.concurrency());
        for (Shoppers.Placed order : orders.subList(0, options.qrWarmUp())) {
            order.shopper().wxpayPage(order.orderId()).join();
        }
        List<Long> nanos = new ArrayList<>(options.qrCalls());
        for (Shoppers.Placed order : orders.subList(options.qrWarmUp(), orders.size())) {
            long start = System.nanoTime();
            order.shopper().wxpayPage(order.orderId()).join();
            nanos.add(System.nanoTime() - start);
        }
        Percentiles latency = Percentiles.ofNanos(nanos);
        log.info("  wxpay page p50 {} ms, p99 {} ms", Report.ms(latency.p50()), Report.ms(latency.p99()));
        return new Result(nanos.size(), options.qrWarmUp(), latency);
    }
}
