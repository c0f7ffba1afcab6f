package com.changgou.e2e.ops;

import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the ops tests make happen before an operator looks: orders paid, forged, refunded. */
final class Purchases {

    static final Duration SETTLE = Duration.ofSeconds(45);

    record Purchase(String orderId, String outTradeNo, String codeUrl, long totalFee) {
    }

    private Purchases() {
    }

    /** An order placed and its WeChat payment started (the QR page opened), not paid yet. */
    static Purchase started(Shopper shopper, Goods goods) {
        String orderId = shopper.placeOrder(goods, 1);
        JsonNode payment = shopper.nativePay(orderId);
        return new Purchase(orderId, payment.path("outTradeNo").asString(), payment.path("codeUrl").asString(),
                payment.path("totalFee").asLong());
    }

    /** An order placed and paid with WeChat (the sandbox's phone), PAID at the order service. */
    static Purchase paid(Suite suite, Shopper shopper, Goods goods) {
        Purchase purchase = started(shopper, goods);
        suite.sandbox().pay(purchase.codeUrl());
        awaitStatus(suite, purchase.orderId(), "PAID");
        return purchase;
    }

    /** A payment notification for this trade whose amount was changed after WeChat's signature: FAIL. */
    static HttpResponse<String> forgeNotification(Suite suite, Purchase purchase) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Notifications.paid(purchase.outTradeNo(), purchase.totalFee()));
        fields.put("total_fee", Long.toString(purchase.totalFee() + 1));
        fields.put("cash_fee", Long.toString(purchase.totalFee() + 1));
        return Notifications.post(suite, Notifications.xml(fields));
    }

    static void awaitStatus(Suite suite, String orderId, String status) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderSchema.statuses(suite, List.of(orderId)).get(orderId), status::equals);
    }
}
