package com.changgou.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.AlipaySide;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import com.changgou.testkit.AlipaySignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Alipay loses, repeats and delays its notifications, attackers forge them, a close races the
 * payment, money goes back: each case pays real orders through the phone's path (the merchant URL
 * from the QR code, its form, the local Alipay's cashier) and asserts their final states.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlipayFaultsTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Pattern GO_URL = Pattern.compile("id=\"alipay-go\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"alipay-go\"");

    @AfterEach
    void clean(Suite suite) {
        new AlipaySide(suite).clearFaults();
    }

    @Test
    @Order(1)
    void aDroppedNotificationIsFoundByTheTradeQuery(Suite suite) {
        FaultReport report = new FaultReport("A1 Alipay notification dropped");
        AlipaySide alipay = new AlipaySide(suite);
        AlipayOrder order = open(suite, Shopper.signUp(suite, "alidrop"), Goods.MUG);
        alipay.fault(order.outTradeNo(), "DROP", null, 0);

        alipay.pay(order.outTradeNo(), "PAY");
        report.orders(1).fault("DROP", 1);

        awaitStatus(suite, order.orderId(), "PAID");
        assertThat(alipay.trade(order.outTradeNo()).path("notifications").size()).as("notifications sent").isZero();
        assertThat(OrderSchema.paidLogRows(suite, order.orderId())).isEqualTo(1);
        report.print(Map.of("PAID", 1L));
    }

    @Test
    @Order(2)
    void duplicatedAndLateNotificationsPayOnce(Suite suite) {
        FaultReport report = new FaultReport("A2 notification x5; one 6 s late");
        AlipaySide alipay = new AlipaySide(suite);
        Shopper shopper = Shopper.signUp(suite, "alidup");
        AlipayOrder twice = open(suite, shopper, Goods.MUG);
        AlipayOrder late = open(suite, shopper, Goods.T_SHIRT);
        alipay.fault(twice.outTradeNo(), "DUPLICATE", 5, 0);
        alipay.fault(late.outTradeNo(), "DELAY", 1, 6_000);

        alipay.pay(twice.outTradeNo(), "PAY");
        alipay.pay(late.outTradeNo(), "PAY");
        report.orders(2).fault("DUPLICATE", 5).fault("DELAY", 1);

        awaitStatus(suite, twice.orderId(), "PAID");
        awaitStatus(suite, late.orderId(), "PAID");
        await().atMost(SETTLE).until(() -> alipay.trade(twice.outTradeNo()).path("notifications").size() >= 5);
        await().atMost(SETTLE).until(() -> acknowledged(alipay.trade(late.outTradeNo())));
        assertThat(OrderSchema.paidLogRows(suite, twice.orderId())).isEqualTo(1);
        assertThat(OrderSchema.paidLogRows(suite, late.orderId())).isEqualTo(1);
        report.print(Map.of("PAID", 2L));
    }

    @Test
    @Order(3)
    void forgedNotificationsGetFailureAndChangeNothing(Suite suite) throws Exception {
        FaultReport report = new FaultReport("A3 forged Alipay notifications");
        AlipaySide alipay = new AlipaySide(suite);
        AlipayOrder order = open(suite, Shopper.signUp(suite, "aliforge"), Goods.MUG);
        var forgerKey = java.security.KeyPairGenerator.getInstance("RSA");
        forgerKey.initialize(2048);

        Map<String, String> wrongKey = alipay.paidNotification(order.outTradeNo(), "25.00", forgerKey.generateKeyPair().getPrivate());
        Map<String, String> tamperedAmount = alipay.paidNotification(order.outTradeNo(), "25.00", alipay.alipayPrivateKey());
        tamperedAmount.put("total_amount", "0.01");
        Map<String, String> wrongAmountSigned = alipay.paidNotification(order.outTradeNo(), "0.01", alipay.alipayPrivateKey());
        Map<String, String> wrongApp = alipay.paidNotification(order.outTradeNo(), "25.00", alipay.alipayPrivateKey());
        wrongApp.put("app_id", "2021009999999999");
        AlipaySide.resigned(wrongApp, alipay.alipayPrivateKey());
        Map<String, String> unknownTrade = alipay.paidNotification("T" + System.nanoTime(), "25.00", alipay.alipayPrivateKey());
        Map<String, String> extraDigits = alipay.paidNotification(order.outTradeNo(), "25.001", alipay.alipayPrivateKey());
        for (Map<String, String> forged : List.of(wrongKey, tamperedAmount, wrongAmountSigned, wrongApp, unknownTrade, extraDigits)) {
            HttpResponse<String> reply = alipay.notify(forged);
            assertThat(reply.body().trim()).as("reply to %s", forged).isNotEqualTo("success");
        }
        report.orders(1).fault("forged", 6);

        assertThat(OrderSchema.statuses(suite, List.of(order.orderId()))).containsValue("UNPAID");
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM pay_record WHERE out_trade_no = ? AND status = 'SUCCESS'",
                order.outTradeNo())).isZero();
        // The service kept serving: the genuine payment still goes through.
        alipay.pay(order.outTradeNo(), "PAY");
        awaitStatus(suite, order.orderId(), "PAID");
        report.print(Map.of("PAID", 1L));
    }

    @Test
    @Order(4)
    void aCloseRacingThePaymentLosesToIt(Suite suite) {
        FaultReport report = new FaultReport("A4 close races an Alipay payment");
        AlipaySide alipay = new AlipaySide(suite);
        AlipayOrder order = open(suite, Shopper.signUp(suite, "alirace"), Goods.MUG);
        // Paid at Alipay, but no notification tells the shop; then the order's timeout asks to close.
        alipay.fault(order.outTradeNo(), "DROP", null, 0);
        alipay.pay(order.outTradeNo(), "PAY");

        HttpResponse<String> close = Http.send(Http.request(suite.app("PAY_PORT").resolve("/internal/pay/wxpay/close?orderId=" + order.orderId()))
                .header("Authorization", Http.basic("changgou-service-order", suite.secret("ORDER_SERVICE_PASSWORD")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        report.orders(1).fault("close after payment", 1);

        assertThat(close.body()).as(close.body()).contains("PAID");
        awaitStatus(suite, order.orderId(), "PAID");
        assertThat(alipay.trade(order.outTradeNo()).path("tradeStatus").asString()).isEqualTo("TRADE_SUCCESS");
        report.print(Map.of("PAID", 1L));
    }

    @Test
    @Order(5)
    void anAlipayPaymentIsRefundedThroughThePages(Suite suite) {
        FaultReport report = new FaultReport("A5 Alipay order cancelled, refunded");
        AlipaySide alipay = new AlipaySide(suite);
        Shopper shopper = Shopper.signUp(suite, "alirefund");
        AlipayOrder order = open(suite, shopper, Goods.T_SHIRT);
        alipay.pay(order.outTradeNo(), "PAY");
        awaitStatus(suite, order.orderId(), "PAID");

        shopper.postForm("/api/worder/order/" + order.orderId() + "/cancel", Map.of());
        report.orders(1).fault("cancel", 1);

        awaitStatus(suite, order.orderId(), "REFUNDED");
        assertThat(suite.payDb().count("SELECT COUNT(*) FROM refund_record WHERE order_id = ? AND state = 'SUCCESS' AND refund_fee = ?",
                order.orderId(), Goods.T_SHIRT.priceFen())).isEqualTo(1);
        report.print(Map.of("REFUNDED", 1L));
    }

    @Test
    @Order(6)
    void aRequestSignedAsAlipaysDocumentationSaysIsAcceptedAndItsAnswerVerifies(Suite suite) {
        FaultReport report = new FaultReport("A6 RSA2 checked independently");
        AlipaySide alipay = new AlipaySide(suite);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", alipay.appId());
        params.put("method", "alipay.trade.query");
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        params.put("version", "1.0");
        params.put("biz_content", "{\"out_trade_no\":\"T-never-made-" + System.nanoTime() + "\"}");
        Map<String, String> forged = new LinkedHashMap<>(params);
        params.put("sign", AlipaySignature.sign(AlipaySignature.content(params, AlipaySignature.REQUEST_EXCLUDES), alipay.appPrivateKey()));
        forged.put("sign", params.get("sign"));
        forged.put("biz_content", "{\"out_trade_no\":\"T-tampered\"}");

        HttpResponse<String> answer = post(alipay, params);
        HttpResponse<String> refused = post(alipay, forged);
        report.fault("tampered request", 1);

        JsonNode body = Http.json(answer).path("alipay_trade_query_response");
        assertThat(body.path("code").asString()).as(answer.body()).isIn("10000", "40004");
        assertThat(body.path("sub_code").asString()).isNotEqualTo("isv.invalid-signature");
        assertThat(AlipaySignature.verify(responseText(answer.body(), "alipay_trade_query_response"),
                Http.json(answer).path("sign").asString(), alipay.alipayPublicKey())).as("the answer's signature").isTrue();
        assertThat(Http.json(refused).path("alipay_trade_query_response").path("code").asString()).isEqualTo("40002");
        report.print(Map.of("verified", 2L));
    }

    /** An order whose Alipay payment a phone has opened in the cashier: its out_trade_no is known to Alipay. */
    record AlipayOrder(String orderId, String outTradeNo) {
    }

    private static AlipayOrder open(Suite suite, Shopper shopper, Goods goods) {
        String orderId = shopper.placeOrder(goods, 1);
        HttpResponse<String> page = shopper.page("/api/wxpay/alipay?orderId=" + orderId);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher go = GO_URL.matcher(page.body());
        assertThat(go.find()).as("the Alipay page links its merchant URL: %s", page.body()).isTrue();
        String goUrl = (go.group(1) != null ? go.group(1) : go.group(2)).replace("&amp;", "&");
        HttpResponse<String> cashier = new AlipaySide(suite).openOnPhone(goUrl);
        assertThat(cashier.statusCode()).as(cashier.body()).isEqualTo(200);
        String outTradeNo = (String) suite.payDb().single("SELECT out_trade_no FROM pay_record WHERE order_id = ? AND channel = 'ALIPAY'",
                orderId).get("out_trade_no");
        return new AlipayOrder(orderId, outTradeNo);
    }

    private static HttpResponse<String> post(AlipaySide alipay, Map<String, String> params) {
        return Http.send(Http.request(alipay.gateway())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(AlipaySide.form(params))).build());
    }

    /** The exact text of the response object, as Alipay signs it: from its opening brace to the matching one. */
    private static String responseText(String body, String node) {
        int start = body.indexOf('{', body.indexOf("\"" + node + "\""));
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && body.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '{') {
                depth++;
            } else if (!inString && c == '}' && --depth == 0) {
                return body.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("no " + node + " in " + body);
    }

    private static boolean acknowledged(JsonNode trade) {
        for (JsonNode attempt : trade.path("notifications")) {
            if (attempt.path("acknowledged").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static void awaitStatus(Suite suite, String orderId, String status) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderSchema.statuses(suite, List.of(orderId)).get(orderId), status::equals);
    }
}
