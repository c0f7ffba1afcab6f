package com.changgou.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import com.changgou.e2e.support.Tokens;
import com.changgou.testkit.WeChatRefundNotification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Money goes back, once, whatever WeChat and the network do: refunds through the pages and by an
 * operator, WeChat refusing for a while, notifications lost, repeated and forged, the pay service
 * killed mid-refund, and a payment that lands on a closed order. After every case the sum of a
 * payment's refunds is at most what was paid, here and at WeChat.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefundFaultsTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @AfterEach
    void refundsNeverExceedThePaymentAndTheSuiteIsClean(Suite suite) {
        suite.sandbox().clearFaults();
        List<Map<String, Object>> over = suite.payDb().query("SELECT p.out_trade_no, p.total_fee, SUM(r.refund_fee) AS refunded "
                + "FROM refund_record r JOIN pay_record p ON p.out_trade_no = r.out_trade_no "
                + "WHERE r.state NOT IN ('REFUNDCLOSE', 'REFUSED') GROUP BY p.out_trade_no, p.total_fee "
                + "HAVING SUM(r.refund_fee) > p.total_fee");
        assertThat(over).as("payments refunded beyond what was paid").isEmpty();
        assertThat(suite.rabbit().messages("order.refund.result.dlq")).as("dead refund results").isZero();
    }

    @Test
    @Order(1)
    void aFullRefundThroughThePagesEndsRefundedAtWechatAndHere(Suite suite) {
        FaultReport report = new FaultReport("R1 cancel a paid order (pages)");
        Shopper shopper = Shopper.signUp(suite, "refund");
        PendingOrder order = paid(suite, shopper, Goods.T_SHIRT, 1);

        HttpResponse<String> cancelled = cancel(shopper, order);

        assertThat(cancelled.statusCode() / 100).as(cancelled.body()).isEqualTo(3);
        awaitStatus(suite, order, "REFUNDED");
        JsonNode atWechat = onlyRefund(suite, order);
        assertThat(atWechat.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(atWechat.path("refundFee").asLong()).isEqualTo(order.totalFee());
        assertThat(shopper.page("/api/worder/order/" + order.orderId()).body()).contains("REFUNDED");
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(2)
    void twoPartialRefundsThenOneMoreThanIsLeftIsRefused(Suite suite) {
        FaultReport report = new FaultReport("R2 partial x2, then too much");
        PendingOrder order = paid(suite, Shopper.signUp(suite, "partial"), Goods.MUG, 2);

        assertThat(operatorRefund(suite, order, 1000).statusCode()).isEqualTo(201);
        awaitStatus(suite, order, "PARTIALLY_REFUNDED");
        assertThat(operatorRefund(suite, order, 1500).statusCode()).isEqualTo(201);
        await().atMost(SETTLE).until(() -> succeededRefunds(suite, order) == 2);
        awaitStatus(suite, order, "PARTIALLY_REFUNDED");
        HttpResponse<String> tooMuch = operatorRefund(suite, order, order.totalFee() - 2500 + 1);
        // The pay service checks too, before it asks WeChat: asked directly for more than is left, it refuses.
        JsonNode direct = payRefund(suite, order, "e2e-too-much-" + order.orderId(), order.totalFee() - 2500 + 1);
        report.fault("over-refund", 2);

        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("more than is left to refund");
        assertThat(direct.path("data").path("state").asString()).as(direct.toString()).isEqualTo("REFUSED");
        assertThat(suite.sandbox().refundsOf(order.outTradeNo()).size()).isEqualTo(2);
        assertThat(refundedAtWechat(suite, order)).isEqualTo(2500);
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(3)
    void aDoubleClickedCancelIsOneRefund(Suite suite) {
        FaultReport report = new FaultReport("R3 cancel clicked twice at once");
        Shopper shopper = Shopper.signUp(suite, "doubleclick");
        PendingOrder order = paid(suite, shopper, Goods.MUG, 1);

        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> cancel(shopper, order)));
        }
        clicks.forEach(CompletableFuture::join);
        report.fault("double click", 1);

        awaitStatus(suite, order, "REFUNDED");
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_order_refund WHERE order_id = ?", order.orderId())).isEqualTo(1);
        assertThat(suite.sandbox().refundsOf(order.outTradeNo()).size()).isEqualTo(1);
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(4)
    void aDroppedRefundNotificationIsFoundByRefundQuery(Suite suite) {
        FaultReport report = new FaultReport("R4 refund notification dropped");
        Shopper shopper = Shopper.signUp(suite, "refunddrop");
        PendingOrder order = paid(suite, shopper, Goods.STICKER, 3);
        suite.sandbox().refundFault(null, "DROP", null, 0);

        cancel(shopper, order);
        report.fault("DROP", 1);

        awaitStatus(suite, order, "REFUNDED");
        JsonNode atWechat = onlyRefund(suite, order);
        assertThat(atWechat.path("notifications").size()).as("notifications sent").isZero();
        assertThat(atWechat.path("refundQueries").asInt()).as("refundquery calls").isPositive();
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(5)
    void duplicatedAndForgedRefundNotificationsChangeNothing(Suite suite) {
        FaultReport report = new FaultReport("R5 refund notify: forged, duplicated");
        Shopper shopper = Shopper.signUp(suite, "refundforge");
        PendingOrder order = paid(suite, shopper, Goods.MUG, 1);
        String transactionId = shopper.order(order.orderId()).path("transactionId").asString();
        // WeChat keeps answering NOTENOUGH: the refund waits PENDING, where a believed forgery would finish it.
        suite.sandbox().refundFault(null, "NOTENOUGH", null, 0);
        cancel(shopper, order);
        String outRefundNo = await().atMost(SETTLE).until(() -> pendingRefund(suite, order), id -> id != null);

        WeChatRefundNotification genuineKey = Notifications.SANDBOX_REFUNDS;
        Map<String, String> success = WeChatRefundNotification.details(order.outTradeNo(), transactionId, outRefundNo,
                "50000000000000000001", order.totalFee(), order.totalFee(), "SUCCESS");
        Map<String, String> wrongAmount = WeChatRefundNotification.details(order.outTradeNo(), transactionId, outRefundNo,
                "50000000000000000001", order.totalFee(), order.totalFee() - 1, "SUCCESS");
        String reqInfo = genuineKey.reqInfo(success);
        String tampered = (reqInfo.charAt(10) == 'A' ? "B" : "A");
        List<String> forged = List.of(
                genuineKey.withKey("0123456789abcdef0123456789abcdef").body(success),
                genuineKey.body(reqInfo.substring(0, 10) + tampered + reqInfo.substring(11)),
                genuineKey.body(wrongAmount),
                new WeChatRefundNotification("wx8888888888888888", "1900000999", "sandboxkey0000000000000000000000").body(success),
                genuineKey.body("not base64 at all"),
                "<xml><return_code>SUCCESS</return_code></xml>");
        for (String body : forged) {
            HttpResponse<String> reply = Notifications.postRefund(suite, body);
            assertThat(Notifications.succeeded(reply)).as("reply to %.80s", body).isFalse();
        }
        JsonNode unknown = suite.sandbox().notifyUnknownRefund(Notifications.refundNotifyUrl(suite).toString(),
                order.outTradeNo(), order.totalFee(), order.totalFee());
        report.fault("forged", forged.size() + 1);

        assertThat(unknown.path("attempt").path("httpStatus").asInt()).as(unknown.toString()).isPositive();
        assertThat(unknown.path("attempt").path("acknowledged").asBoolean()).as(unknown.toString()).isFalse();
        assertThat(refundState(suite, outRefundNo)).isEqualTo("PENDING");
        assertThat(OrderSchema.statuses(suite, List.of(order.orderId()))).containsValue("REFUNDING");

        // WeChat accepts at last; every genuine notification comes three times.
        suite.sandbox().clearFaults();
        suite.sandbox().refundFault(null, "DUPLICATE", 3, 0);
        report.fault("DUPLICATE", 3);
        awaitStatus(suite, order, "REFUNDED");
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM refund_log WHERE out_refund_no = ? AND to_state = 'SUCCESS'",
                outRefundNo)).isEqualTo(1);
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_order_log WHERE order_id = ? AND to_status = '4'",
                order.orderId())).isEqualTo(1);
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(6)
    void notEnoughForAWhileThenSuccessIsOneRefund(Suite suite) {
        FaultReport report = new FaultReport("R6 NOTENOUGH x2, then success");
        Shopper shopper = Shopper.signUp(suite, "notenough");
        PendingOrder order = paid(suite, shopper, Goods.STICKER, 5);
        suite.sandbox().refundFault(null, "NOTENOUGH", 2, 0);

        cancel(shopper, order);
        report.fault("NOTENOUGH", 2);

        awaitStatus(suite, order, "REFUNDED");
        JsonNode atWechat = onlyRefund(suite, order);
        assertThat(atWechat.path("refundRequests").asInt()).as("asked with one out_refund_no").isGreaterThanOrEqualTo(3);
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(7)
    void aPayServiceKilledAfterWechatAcceptedStillEndsInOneRefund(Suite suite) {
        FaultReport report = new FaultReport("R7 pay SIGKILL mid-refund");
        Shopper shopper = Shopper.signUp(suite, "refundkill");
        PendingOrder order = paid(suite, shopper, Goods.T_SHIRT, 1);
        // WeChat makes the refund and holds its answer; no notification tells the pay service either.
        suite.sandbox().refundFault(null, "SLOW_ANSWER", 1, 30_000);
        suite.sandbox().refundFault(null, "DROP", null, 0);
        try {
            cancel(shopper, order);
            await().atMost(SETTLE).until(() -> suite.sandbox().refundsOf(order.outTradeNo()).size() == 1);
            suite.kill("pay");
        } finally {
            suite.start("pay");
        }
        report.fault("pay SIGKILL", 1);

        awaitStatus(suite, order, "REFUNDED");
        JsonNode atWechat = onlyRefund(suite, order);
        assertThat(atWechat.path("refundRequests").asInt()).as("asked again with the same out_refund_no")
                .isGreaterThanOrEqualTo(2);
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(8)
    void aPaymentLandingOnAClosedOrderIsRefundedInFull(Suite suite) {
        FaultReport report = new FaultReport("R8 paid after close: refunded");
        Shopper shopper = Shopper.signUp(suite, "lateclose");
        PendingOrder order = PendingOrder.place(shopper, 2);
        // The losing side of case 6's race, made certain: the order closed here in the instant before
        // WeChat took the money (the trade itself was never closed at WeChat).
        suite.orderDb().update("UPDATE tb_order SET order_status = '2', close_time = UTC_TIMESTAMP(3) WHERE id = ?",
                order.orderId());

        suite.sandbox().pay(order.codeUrl());
        report.fault("paid after close", 1);

        await().atMost(SETTLE).until(() -> refundedAtWechat(suite, order) == order.totalFee()
                && "SUCCESS".equals(onlyRefund(suite, order).path("status").asString()));
        await().atMost(SETTLE).until(() -> suite.orderDb().count(
                "SELECT COUNT(*) FROM tb_order_refund WHERE order_id = ? AND kind = 'PAID_AFTER_CLOSE' AND state = 'SUCCESS'",
                order.orderId()) == 1);
        assertThat(OrderSchema.refundsToMake(suite, order.orderId())).as("the record of why stays").isEqualTo(1);
        assertThat(OrderSchema.statuses(suite, List.of(order.orderId()))).containsValue("CLOSED");
        report.orders(1).print(states(suite, order));
    }

    @Test
    @Order(9)
    void theSandboxRefusesARefundWithoutTheMerchantCertificate(Suite suite) throws Exception {
        FaultReport report = new FaultReport("R9 refund without client certificate");
        URI tls = URI.create("https://127.0.0.1:" + suite.setting("SANDBOX_TLS_PORT") + "/secapi/pay/refund");
        HttpClient noCertificate = HttpClient.newBuilder().sslContext(trustingAnyServer()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest refund = HttpRequest.newBuilder(tls).POST(HttpRequest.BodyPublishers.ofString("<xml/>"))
                .timeout(Duration.ofSeconds(10)).build();

        Exception refused = null;
        try {
            noCertificate.send(refund, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            refused = e;
        }
        HttpResponse<String> plain = Http.send(Http.request(suite.sandbox().base().resolve("/secapi/pay/refund"))
                .POST(HttpRequest.BodyPublishers.ofString("<xml/>")).build());
        report.fault("no certificate", 2);

        assertThat(refused).as("TLS handshake without a client certificate").isNotNull();
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.body()).contains("client certificate required");
        report.print(Map.of("refused", 2L));
    }

    private static PendingOrder paid(Suite suite, Shopper shopper, Goods goods, int quantity) {
        String orderId = shopper.placeOrder(goods, quantity);
        JsonNode payment = shopper.nativePay(orderId);
        PendingOrder order = new PendingOrder(orderId, payment.path("outTradeNo").asString(),
                payment.path("codeUrl").asString(), payment.path("totalFee").asLong());
        suite.sandbox().pay(order.codeUrl());
        awaitStatus(suite, order, "PAID");
        return order;
    }

    private static HttpResponse<String> cancel(Shopper shopper, PendingOrder order) {
        return shopper.postForm("/api/worder/order/" + order.orderId() + "/cancel", Map.of());
    }

    private static void awaitStatus(Suite suite, PendingOrder order, String status) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderSchema.statuses(suite, List.of(order.orderId())).get(order.orderId()), status::equals);
    }

    private static HttpResponse<String> operatorRefund(Suite suite, PendingOrder order, long amountFen) {
        String token = Tokens.gatewaySigned(suite, "operator-e2e", List.of("OPERATOR"));
        return Http.send(Http.request(suite.app("ORDER_PORT").resolve("/internal/order/" + order.orderId() + "/refunds"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amountFen\":%d,\"reason\":\"e2e partial refund\"}".formatted(amountFen)))
                .build());
    }

    /** Asks the pay service itself, as the order service does (its service account). */
    private static JsonNode payRefund(Suite suite, PendingOrder order, String outRefundNo, long refundFee) {
        String body = "{\"outRefundNo\":\"%s\",\"orderId\":\"%s\",\"transactionId\":null,\"refundFee\":%d,\"reason\":\"e2e\"}"
                .formatted(outRefundNo.length() > 32 ? outRefundNo.substring(0, 32) : outRefundNo, order.orderId(), refundFee);
        return Http.json(Http.send(Http.request(suite.app("PAY_PORT").resolve("/internal/pay/wxpay/refunds"))
                .header("Authorization", Http.basic("changgou-service-order", suite.secret("ORDER_SERVICE_PASSWORD")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()));
    }

    private static JsonNode onlyRefund(Suite suite, PendingOrder order) {
        JsonNode refunds = suite.sandbox().refundsOf(order.outTradeNo());
        assertThat(refunds.size()).as("refunds of %s at WeChat", order.outTradeNo()).isEqualTo(1);
        return refunds.get(0);
    }

    private static long refundedAtWechat(Suite suite, PendingOrder order) {
        long sum = 0;
        for (JsonNode refund : suite.sandbox().refundsOf(order.outTradeNo())) {
            if (refund.path("status").asString().equals("SUCCESS")) {
                sum += refund.path("refundFee").asLong();
            }
        }
        return sum;
    }

    private static long succeededRefunds(Suite suite, PendingOrder order) {
        return suite.payDb().count("SELECT COUNT(*) FROM refund_record WHERE order_id = ? AND state = 'SUCCESS'", order.orderId());
    }

    private static String pendingRefund(Suite suite, PendingOrder order) {
        List<Map<String, Object>> rows = suite.payDb().query(
                "SELECT out_refund_no FROM refund_record WHERE order_id = ? AND state = 'PENDING'", order.orderId());
        return rows.isEmpty() ? null : (String) rows.get(0).get("out_refund_no");
    }

    private static String refundState(Suite suite, String outRefundNo) {
        return (String) suite.payDb().single("SELECT state FROM refund_record WHERE out_refund_no = ?", outRefundNo).get("state");
    }

    private static Map<String, Long> states(Suite suite, PendingOrder order) {
        return Map.of(OrderSchema.statuses(suite, List.of(order.orderId())).get(order.orderId()), 1L);
    }

    /** Trusts whatever server certificate the sandbox shows: what is tested is that it wants ours. */
    private static SSLContext trustingAnyServer() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
