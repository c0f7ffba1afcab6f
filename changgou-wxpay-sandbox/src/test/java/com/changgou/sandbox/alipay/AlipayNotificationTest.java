package com.changgou.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.sandbox.alipay.support.AlipayMerchant;
import com.changgou.sandbox.alipay.support.AlipayNotifyReceiver;
import com.changgou.sandbox.alipay.support.AlipayNotifyReceiver.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AlipaySandboxTest
class AlipayNotificationTest {

    @LocalServerPort
    int port;
    AlipayMerchant merchant;
    AlipayNotifyReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        merchant = new AlipayMerchant(port, AlipaySandboxTest.APP_ID);
        receiver = new AlipayNotifyReceiver(merchant);
    }

    @AfterEach
    void stop() {
        merchant.delete("/sandbox/api/alipay/faults");
        receiver.close();
    }

    private String openAndPay(String yuan, String faultJson) {
        String no = AlipayMerchant.newOutTradeNo();
        if (faultJson != null) {
            assertThat(merchant.postJson("/sandbox/api/alipay/faults", faultJson.formatted(no)).statusCode())
                    .isEqualTo(201);
        }
        merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                AlipayGatewayTest.wapBiz(no, yuan), Map.of("notify_url", receiver.url()))));
        var paid = merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"%s\",\"outcome\":\"PAY\"}".formatted(no));
        assertThat(paid.statusCode()).isEqualTo(200);
        return no;
    }

    private JsonNode view(String no) {
        return AlipayMerchant.JSON.readTree(merchant.get("/sandbox/api/alipay/trades/" + no).body());
    }

    @Test
    void aPaymentIsNotifiedOnceFormEncodedAndSignedOverAllButSignAndSignType() {
        String no = openAndPay("66.60", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(no).size() == 1);
        Received received = receiver.received(no).get(0);
        assertThat(received.signatureValid()).isTrue();
        assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(received.fields()).containsEntry("notify_type", "trade_status_sync")
                .containsEntry("trade_status", "TRADE_SUCCESS").containsEntry("total_amount", "66.60")
                .containsEntry("receipt_amount", "66.60").containsEntry("buyer_pay_amount", "66.60")
                .containsEntry("app_id", AlipaySandboxTest.APP_ID).containsEntry("seller_id", AlipaySandboxTest.SELLER_ID)
                .containsEntry("charset", "utf-8").containsEntry("version", "1.0").containsEntry("sign_type", "RSA2")
                .containsEntry("subject", "畅购-测试商品").containsEntry("out_trade_no", no)
                .containsKeys("notify_time", "notify_id", "trade_no", "buyer_id", "buyer_logon_id", "gmt_create",
                        "gmt_payment", "sign");
        // sign_type is not signed: changing it must not break the signature, changing anything else must
        Map<String, String> tampered = new java.util.HashMap<>(received.fields());
        tampered.put("sign_type", "RSA");
        assertThat(merchant.verifyNotification(tampered)).isTrue();
        tampered.put("total_amount", "0.01");
        assertThat(merchant.verifyNotification(tampered)).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 1);
        JsonNode attempt = view(no).get("notifications").get(0);
        assertThat(attempt.get("acknowledged").asBoolean()).isTrue();
        assertThat(attempt.get("reply").asString()).isEqualTo("success");
        assertThat(attempt.get("tradeStatus").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(attempt.get("notifyId").asString()).isEqualTo(received.fields().get("notify_id"));
    }

    @Test
    void aMerchantThatDoesNotAnswerSuccessIsRetriedOnAlipaysScaledSchedule() {
        String no = AlipayMerchant.newOutTradeNo();
        receiver.failFirst(no, 3);
        String paid = openAndPayAs(no);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(paid).size() == 4);
        List<Received> received = receiver.received(paid);
        // 4 min, 10 min, 10 min at a time scale of 0.001; a little slack below for clock granularity.
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThan(Duration.ofMillis(220));
        assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThan(Duration.ofMillis(580));
        assertThat(Duration.between(received.get(2).at(), received.get(3).at())).isGreaterThan(Duration.ofMillis(580));
        assertThat(received).extracting(r -> r.fields().get("notify_id")).containsOnly(received.get(0).fields().get("notify_id"));
        // the fourth was acknowledged: the next wait (1 h scaled = 3.6 s) must bring nothing
        await().during(Duration.ofMillis(4000)).atMost(Duration.ofSeconds(6)).until(() -> receiver.received(paid).size() == 4);
        JsonNode attempts = view(paid).get("notifications");
        assertThat(attempts.size()).isEqualTo(4);
        assertThat(attempts.get(0).get("acknowledged").asBoolean()).isFalse();
        assertThat(attempts.get(0).get("reply").asString()).isEqualTo("fail");
        assertThat(attempts.get(3).get("attempt").asInt()).isEqualTo(4);
        assertThat(attempts.get(3).get("acknowledged").asBoolean()).isTrue();
    }

    private String openAndPayAs(String no) {
        merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                AlipayGatewayTest.wapBiz(no, "1.00"), Map.of("notify_url", receiver.url()))));
        merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"%s\",\"outcome\":\"PAY\"}".formatted(no));
        return no;
    }

    @Test
    void refundsAndClosesAreNotifiedToo() {
        String no = openAndPay("10.00", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(no).size() == 1);
        merchant.call("alipay.trade.refund", Map.of("out_trade_no", no, "refund_amount", "4.00", "out_request_no", "R1"));
        merchant.call("alipay.trade.refund", Map.of("out_trade_no", no, "refund_amount", "6.00", "out_request_no", "R2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(no).size() == 3);
        List<Received> received = receiver.received(no);
        assertThat(received).allMatch(Received::signatureValid);
        Map<String, String> partial = received.stream().filter(r -> "R1".equals(r.fields().get("out_biz_no")))
                .findFirst().orElseThrow().fields();
        assertThat(partial).containsEntry("trade_status", "TRADE_SUCCESS").containsEntry("refund_fee", "4.00")
                .containsKey("gmt_refund");
        Map<String, String> full = received.stream().filter(r -> "R2".equals(r.fields().get("out_biz_no")))
                .findFirst().orElseThrow().fields();
        assertThat(full).containsEntry("trade_status", "TRADE_CLOSED").containsEntry("refund_fee", "10.00")
                .containsKey("gmt_close");

        String waiting = AlipayMerchant.newOutTradeNo();
        merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                AlipayGatewayTest.wapBiz(waiting, "1.00"), Map.of("notify_url", receiver.url()))));
        merchant.call("alipay.trade.close", Map.of("out_trade_no", waiting));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(waiting).size() == 1);
        assertThat(receiver.received(waiting).get(0).fields()).containsEntry("trade_status", "TRADE_CLOSED")
                .doesNotContainKey("gmt_payment");
    }

    @Test
    void dropNeverSendsThePaymentNotificationButQueryShowsIt() {
        String no = openAndPay("5.00", "{\"outTradeNo\":\"%s\",\"mode\":\"DROP\"}");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received(no).isEmpty());
        assertThat(view(no).get("fault").asString()).isEqualTo("DROP");
        assertThat(merchant.call("alipay.trade.query", Map.of("out_trade_no", no)).get("trade_status").asString())
                .isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void dropWithACountLosesTheFirstAttemptsThenDelivers() {
        String no = openAndPay("5.00", "{\"outTradeNo\":\"%s\",\"mode\":\"DROP\",\"count\":1}");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(no).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 2);
        JsonNode attempts = view(no).get("notifications");
        assertThat(attempts.get(0).get("kind").asString()).isEqualTo("DROPPED");
        assertThat(attempts.get(1).get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void duplicateSendsTheGenuineNotificationSeveralTimes() {
        String no = openAndPay("9.90", "{\"outTradeNo\":\"%s\",\"mode\":\"DUPLICATE\",\"count\":3}");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(no).size() == 3);
        List<Received> copies = receiver.received(no);
        assertThat(copies).allMatch(Received::signatureValid);
        assertThat(copies).extracting(copy -> copy.fields().get("notify_id")).containsOnly(copies.get(0).fields().get("notify_id"));
        await().during(Duration.ofMillis(500)).until(() -> receiver.received(no).size() == 3);
    }

    @Test
    void delayHoldsTheFirstAttemptBackAndAGlobalFaultAppliesUntilCleared() {
        assertThat(merchant.postJson("/sandbox/api/alipay/faults", "{\"mode\":\"DELAY\",\"delayMillis\":3000}")
                .statusCode()).isEqualTo(201);
        assertThat(merchant.get("/sandbox/api/alipay/faults").body()).contains("DELAY");
        String no = openAndPay("1.00", null);
        // a delay well beyond the quiet window, so a slow (loaded) machine cannot eat into it
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received(no).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(no).size() == 1);
        assertThat(merchant.delete("/sandbox/api/alipay/faults").statusCode()).isEqualTo(204);
        assertThat(merchant.get("/sandbox/api/alipay/faults").body()).isEqualTo("[]");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 1);
    }
}
