package com.changgou.e2e.faults;

import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An order placed and its WeChat payment started, ready to be paid (or not). */
public record PendingOrder(String orderId, String outTradeNo, String codeUrl, long totalFee) {

    /** An order of {@code quantity} stickers (1 fen each), so each order of a batch has its own amount. */
    public static PendingOrder place(Shopper shopper, int quantity) {
        String orderId = shopper.placeOrder(Goods.STICKER, quantity);
        JsonNode payment = shopper.nativePay(orderId);
        return new PendingOrder(orderId, payment.path("outTradeNo").asString(),
                payment.path("codeUrl").asString(), payment.path("totalFee").asLong());
    }

    public static List<String> ids(Collection<PendingOrder> orders) {
        return orders.stream().map(PendingOrder::orderId).toList();
    }

    public static Map<String, Long> finalStates(Suite suite, Collection<PendingOrder> orders) {
        return OrderSchema.countByStatus(suite, ids(orders));
    }

    public static void awaitAll(Suite suite, Collection<PendingOrder> orders, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() ->
                OrderSchema.statuses(suite, ids(orders)).values().stream().filter(status::equals).count() == orders.size());
    }
}
