package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.ops.Purchases.Purchase;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.Scrape;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every app serves its metrics to Prometheus from inside, and the business meters move by exactly
 * what happened: one WeChat payment, one forged notification, one refund.
 */
@ExtendWith(SuiteExtension.class)
class MetricsTest {

    private static final Map<String, String> APPS = Map.of(
            "changgou-eureka", "EUREKA_PORT",
            "changgou-wxpay-sandbox", "SANDBOX_PORT",
            "changgou-service-user", "USER_PORT",
            "changgou-service-pay", "PAY_PORT",
            "changgou-service-order", "ORDER_PORT",
            "changgou-web-order", "WEB_ORDER_PORT",
            "changgou-gateway", "GATEWAY_MANAGEMENT_PORT");

    /** What the sequence must move, meter by meter (Prometheus names and label subsets). */
    private record Meter(String app, String name, Map<String, String> labels) {
    }

    private static final Meter STARTED = new Meter("changgou-service-pay", "changgou_pay_payments_started_total",
            Map.of("channel", "wechat"));
    private static final Meter PAID = new Meter("changgou-service-pay", "changgou_pay_payments_paid_total",
            Map.of("channel", "wechat", "source", "notification"));
    private static final Meter ACCEPTED = new Meter("changgou-service-pay", "changgou_pay_notifications_total",
            Map.of("channel", "wechat", "kind", "payment", "verdict", "accepted"));
    private static final Meter REFUSED = new Meter("changgou-service-pay", "changgou_pay_notifications_total",
            Map.of("channel", "wechat", "kind", "payment", "verdict", "refused", "reason", "bad_signature"));
    private static final Meter REFUND_SUCCESS = new Meter("changgou-service-pay", "changgou_pay_refunds_total",
            Map.of("state", "success"));
    private static final Meter REFUND_NOTIFIED = new Meter("changgou-service-pay", "changgou_pay_notifications_total",
            Map.of("channel", "wechat", "kind", "refund", "verdict", "accepted"));
    private static final Meter REFUND_QUERIED = new Meter("changgou-service-pay", "changgou_pay_refund_query_finds_total",
            Map.of("state", "success"));
    private static final Meter ORDER_PAID = new Meter("changgou-service-order", "changgou_order_paid_total", Map.of());
    private static final Meter LATENCY = new Meter("changgou-service-order", "changgou_order_payment_latency_seconds_count", Map.of());
    private static final Meter ORDER_REFUNDED = new Meter("changgou-service-order", "changgou_order_refunds_total",
            Map.of("state", "success"));
    private static final Meter POINTS = new Meter("changgou-service-user", "changgou_user_order_events_total",
            Map.of("outcome", "applied"));
    private static final String SENDS = "spring_rabbit_template_seconds_count";
    private static final List<Meter> MOVED = List.of(STARTED, PAID, ACCEPTED, REFUSED, REFUND_SUCCESS, REFUND_NOTIFIED,
            REFUND_QUERIED, ORDER_PAID, LATENCY, ORDER_REFUNDED, POINTS);

    @Test
    void everyAppIsScrapedFromInsideWithItsApplicationTag(Suite suite) {
        APPS.forEach((app, port) -> {
            Scrape scrape = Scrape.of(endpoint(suite, port));
            assertThat(scrape.labelValues("jvm_memory_used_bytes", "application")).as(app).containsExactly(app);
        });
        Scrape broker = Scrape.of(URI.create("http://127.0.0.1:15692/metrics"));
        assertThat(broker.has("rabbitmq_build_info")).as("RabbitMQ's own Prometheus plugin").isTrue();
    }

    @Test
    void onePaymentOneForgeryAndOneRefundMoveTheMetersByExactlyThat(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "metered");
        Map<Meter, Double> before = quietReading(suite);

        Purchase purchase = Purchases.paid(suite, shopper, Goods.MUG);
        assertThat(Notifications.succeeded(Purchases.forgeNotification(suite, purchase))).isFalse();
        shopper.postForm("/api/worder/order/" + purchase.orderId() + "/cancel", Map.of());
        Purchases.awaitStatus(suite, purchase.orderId(), "REFUNDED");

        Map<Meter, Double> expected = new LinkedHashMap<>();
        for (Meter meter : List.of(STARTED, PAID, ACCEPTED, REFUSED, REFUND_SUCCESS, ORDER_PAID, LATENCY, ORDER_REFUNDED)) {
            expected.put(meter, 1.0);
        }
        expected.put(POINTS, 2.0); // the payment's event and the refund's
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<Meter, Double> after = read(suite);
            expected.forEach((meter, delta) -> assertThat(after.get(meter) - before.get(meter))
                    .as("%s %s %s", meter.app(), meter.name(), meter.labels()).isEqualTo(delta));
            // WeChat's notification and the refund worker's query race; exactly one of them settled it.
            assertThat(after.get(REFUND_NOTIFIED) - before.get(REFUND_NOTIFIED) + after.get(REFUND_QUERIED)
                    - before.get(REFUND_QUERIED)).as("refund settled by notification or by query").isEqualTo(1.0);
        });

        // The payment's broadcast went to its page's token; pay times it under the exchange, not the token,
        // or every payment would leave series of its own in every scrape for the rest of pay's life.
        Scrape pay = Scrape.of(endpoint(suite, "PAY_PORT"));
        assertThat(pay.labelValues(SENDS, "messaging_destination_name")).contains("paynotify", "order.pay");
        assertThat(pay.labelValues(SENDS, "messaging_rabbitmq_destination_routing_key")).containsOnlyNulls();
    }

    /** A reading taken once nothing is moving: two readings a second apart agree. */
    private static Map<Meter, Double> quietReading(Suite suite) {
        Map<Meter, Double>[] last = new Map[]{read(suite)};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<Meter, Double> now = read(suite);
            boolean quiet = now.equals(last[0]);
            last[0] = now;
            return quiet;
        });
        return last[0];
    }

    private static Map<Meter, Double> read(Suite suite) {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        Map<Meter, Double> values = new LinkedHashMap<>();
        for (Meter meter : MOVED) {
            Scrape scrape = scrapes.computeIfAbsent(meter.app(), app -> Scrape.of(endpoint(suite, APPS.get(app))));
            values.put(meter, scrape.sum(meter.name(), meter.labels()));
        }
        return values;
    }

    private static URI endpoint(Suite suite, String portVariable) {
        return suite.app(portVariable).resolve("/actuator/prometheus");
    }
}
