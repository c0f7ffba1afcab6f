package com.changgou.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.support.NotifyReceiver;
import com.changgou.sandbox.support.NotifyReceiver.Received;
import com.changgou.sandbox.support.WxClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SandboxTest
class NotificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${sandbox.notification.max-in-flight}")
    int maxInFlight;
    WxClient wx;
    NotifyReceiver merchant;

    @BeforeEach
    void start() throws IOException {
        wx = new WxClient(port);
        merchant = new NotifyReceiver();
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    /** Places an order the receiver expects, optionally under a fault, and pays it through the scan API. */
    private JsonNode placeAndPay(String no, long fee, SignType signType, String faultJson) {
        merchant.expect(no, fee);
        if (faultJson != null) {
            assertThat(wx.postJson("/sandbox/api/faults", faultJson.formatted(no)).statusCode()).isEqualTo(201);
        }
        String codeUrl = wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, fee, merchant.url()), signType)
                .get("code_url");
        var scan = wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY"));
        assertThat(scan.statusCode()).isEqualTo(200);
        JsonNode paid = JSON.readTree(scan.body());
        assertThat(paid.get("outTradeNo").asString()).isEqualTo(no);
        assertThat(paid.get("tradeState").asString()).isEqualTo("SUCCESS");
        return paid;
    }

    private JsonNode view(String no) {
        return JSON.readTree(wx.get("/sandbox/api/orders/" + no).body());
    }

    @Test
    void aPaymentIsNotifiedOnceWithWechatsSignedFields() {
        for (SignType signType : SignType.values()) {
            String no = WxClient.newOutTradeNo();
            String transactionId = placeAndPay(no, 1234, signType, null).get("transactionId").asString();

            await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 1);
            Map<String, String> fields = merchant.received(no).get(0).fields();
            assertThat(merchant.received(no).get(0).valid()).isTrue();
            assertThat(fields).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                    .containsEntry("total_fee", "1234").containsEntry("cash_fee", "1234")
                    .containsEntry("fee_type", "CNY").containsEntry("trade_type", "NATIVE")
                    .containsEntry("transaction_id", transactionId).containsEntry("is_subscribe", "N")
                    .containsKeys("openid", "bank_type", "time_end", "nonce_str");
            if (signType == SignType.HMAC_SHA256) {
                assertThat(fields).containsEntry("sign_type", "HMAC-SHA256");
            } else {
                assertThat(fields).doesNotContainKey("sign_type");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 1);
            JsonNode attempt = view(no).get("notifications").get(0);
            assertThat(attempt.get("httpStatus").asInt()).isEqualTo(200);
            assertThat(attempt.get("acknowledged").asBoolean()).isTrue();
            assertThat(attempt.get("reply").asString()).contains("SUCCESS");
        }
    }

    @Test
    void aMerchantThatRepliesFailIsRetriedOnWechatsScaledSchedule() {
        String no = WxClient.newOutTradeNo();
        merchant.failFirst(no, 3);
        placeAndPay(no, 10, SignType.MD5, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received(no).size() == 4);
        List<Received> received = merchant.received(no);
        // 15 s, 15 s, 30 s at a time scale of 0.01; a little slack below for clock granularity.
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThan(Duration.ofMillis(140));
        assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThan(Duration.ofMillis(140));
        assertThat(Duration.between(received.get(2).at(), received.get(3).at())).isGreaterThan(Duration.ofMillis(290));
        // The fourth was acknowledged: the next wait (3 min scaled = 1.8 s) must bring nothing.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> merchant.received(no).size() == 4);
        JsonNode attempts = view(no).get("notifications");
        assertThat(attempts.size()).isEqualTo(4);
        assertThat(attempts.get(3).get("attempt").asInt()).isEqualTo(4);
        assertThat(attempts.get(3).get("acknowledged").asBoolean()).isTrue();
        assertThat(attempts.get(0).get("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void anUnreachableMerchantIsRecordedAndRetried() {
        String no = WxClient.newOutTradeNo();
        merchant.expect(no, 1);
        String dead = "http://127.0.0.1:1/notify";
        String codeUrl = wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, 1, dead)).get("code_url");
        wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY"));
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() >= 2);
        JsonNode first = view(no).get("notifications").get(0);
        assertThat(first.get("httpStatus").asInt()).isZero();
        assertThat(first.get("error").asString()).isNotBlank();
    }

    @Test
    void aMerchantThatNeverAnswersIsRecordedAsUnansweredOnceItsReadTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-merchant");
            acceptor.setDaemon(true);
            acceptor.start();
            String no = WxClient.newOutTradeNo();
            String url = "http://127.0.0.1:%d/notify".formatted(silent.getLocalPort());
            String codeUrl = wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, 1, url)).get("code_url");
            wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY"));
            // the connection is taken and the POST read, but no reply ever comes: the read timeout (5 s) ends the attempt
            await().atMost(Duration.ofSeconds(30)).until(() -> view(no).get("notifications").size() >= 1);
            JsonNode first = view(no).get("notifications").get(0);
            assertThat(first.get("httpStatus").asInt()).isZero();
            assertThat(first.get("error").asString()).contains("TimeoutException");
            assertThat(accepted).isNotEmpty();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void duplicateSendsTheGenuineNotificationSeveralTimes() {
        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 99, SignType.MD5, "{\"outTradeNo\":\"%s\",\"mode\":\"DUPLICATE\",\"count\":4}");
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 4);
        List<Received> copies = merchant.received(no);
        assertThat(copies).allMatch(Received::valid);
        assertThat(copies).extracting(copy -> copy.fields().get("transaction_id")).containsOnly(
                copies.get(0).fields().get("transaction_id"));
        await().during(Duration.ofMillis(500)).until(() -> merchant.received(no).size() == 4);
        assertThat(view(no).get("fault").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void dropNeverSendsTheNotificationButOrderQueryShowsThePayment() {
        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 5, SignType.MD5, "{\"outTradeNo\":\"%s\",\"mode\":\"DROP\"}");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> merchant.received(no).isEmpty());
        assertThat(view(no).get("notifications").size()).isZero();
        assertThat(wx.call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void badSignSendsAForgeryFirstThenTheGenuineNotification() {
        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 300, SignType.HMAC_SHA256, "{\"outTradeNo\":\"%s\",\"mode\":\"BAD_SIGN\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 2);
        List<Received> received = merchant.received(no);
        assertThat(received.get(0).valid()).isFalse();
        assertThat(received.get(0).reason()).isEqualTo("bad signature");
        assertThat(received.get(1).valid()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 2);
        JsonNode attempts = view(no).get("notifications");
        assertThat(attempts.get(0).get("kind").asString()).isEqualTo("BAD_SIGN");
        assertThat(attempts.get(0).get("acknowledged").asBoolean()).isFalse();
        assertThat(attempts.get(1).get("kind").asString()).isEqualTo("GENUINE");
        assertThat(attempts.get(1).get("acknowledged").asBoolean()).isTrue();
    }

    @Test
    void wrongAmountSendsASignedTamperedAmountFirstThenTheGenuineOne() {
        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 8800, SignType.MD5, "{\"outTradeNo\":\"%s\",\"mode\":\"WRONG_AMOUNT\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 2);
        List<Received> received = merchant.received(no);
        assertThat(received.get(0).reason()).isEqualTo("wrong amount");
        assertThat(received.get(0).fields()).containsEntry("total_fee", "1");
        assertThat(received.get(1).valid()).isTrue();
        assertThat(received.get(1).fields()).containsEntry("total_fee", "8800");
    }

    @Test
    void delayHoldsTheFirstAttemptBack() {
        String no = WxClient.newOutTradeNo();
        // a delay well beyond the quiet window, so a slow (loaded) machine cannot eat into it
        placeAndPay(no, 7, SignType.MD5, "{\"outTradeNo\":\"%s\",\"mode\":\"DELAY\",\"delayMillis\":3000}");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> merchant.received(no).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received(no).size() == 1);
    }

    @Test
    void aGlobalFaultAppliesToEveryOrderUntilCleared() {
        assertThat(wx.postJson("/sandbox/api/faults", "{\"mode\":\"DROP\"}").statusCode()).isEqualTo(201);
        try {
            assertThat(wx.get("/sandbox/api/faults").body()).contains("DROP");
            String dropped = WxClient.newOutTradeNo();
            placeAndPay(dropped, 3, SignType.MD5, null);
            assertThat(view(dropped).get("fault").asString()).isEqualTo("DROP");
        } finally {
            var cleared = wx.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/api/faults")).DELETE());
            assertThat(cleared.statusCode()).isEqualTo(204);
        }
        String delivered = WxClient.newOutTradeNo();
        placeAndPay(delivered, 3, SignType.MD5, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(delivered).size() == 1);
        // the receiver records before it answers: closing it before the sandbox has the answer would leave a
        // retry pending for minutes, which a later test that waits for pendingNotifications 0 would trip over
        await().atMost(Duration.ofSeconds(5)).until(() -> view(delivered).get("notifications").size() == 1);
    }

    @Test
    void scanErrorsAreClearJson() {
        var unknown = wx.postJson("/sandbox/api/scan", wx.scanJson("weixin://wxpay/bizpayurl?pr=nothing", "PAY"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("UNKNOWN_CODE_URL").contains("pr=nothing");

        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 1, SignType.MD5, null);
        String codeUrl = view(no).get("codeUrl").asString();
        var again = wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_PAID");
        var nonsense = wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "MAYBE"));
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(wx.get("/sandbox/api/orders/NOSUCH").statusCode()).isEqualTo(404);
    }

    @Test
    void manyConcurrentPaymentsAreEachNotifiedExactlyOnce() {
        List<String> numbers = java.util.stream.IntStream.range(0, 200).mapToObj(i -> WxClient.newOutTradeNo()).toList();
        List<String> codeUrls = numbers.parallelStream().map(no -> {
            merchant.expect(no, 100);
            return wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, 100, merchant.url())).get("code_url");
        }).toList();
        codeUrls.parallelStream().forEach(codeUrl ->
                assertThat(wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY")).statusCode()).isEqualTo(200));

        await().atMost(Duration.ofSeconds(20)).until(() -> numbers.stream().allMatch(no -> merchant.received(no).size() == 1));
        assertThat(numbers).allMatch(no -> merchant.received(no).get(0).valid());
        await().atMost(Duration.ofSeconds(10)).until(() -> stats().get("pendingNotifications").asInt() == 0);
        assertThat(stats().get("paid").asInt()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void heldNotificationsWaitUntilReleasedThenAllGoOut() {
        HttpResponse<String> held = wx.postJson("/sandbox/api/notifications/hold?seconds=60", "");
        try {
            assertThat(held.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(held.body()).get("held").asBoolean()).isTrue();
            // what a benchmark's plain program reads to send as many at once as the sandbox will
            assertThat(JSON.readTree(held.body()).get("maxInFlight").asInt()).isEqualTo(maxInFlight);
            List<String> numbers = List.of(WxClient.newOutTradeNo(), WxClient.newOutTradeNo(), WxClient.newOutTradeNo());
            numbers.forEach(no -> placeAndPay(no, 5, SignType.MD5, null));

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> numbers.stream().allMatch(no -> merchant.received(no).isEmpty()));
            assertThat(numbers).allMatch(no -> view(no).get("notifications").isEmpty());
            // waiting, and counted as such (earlier tests' retries may be waiting too)
            assertThat(stats().get("pendingNotifications").asInt()).isGreaterThanOrEqualTo(numbers.size());

            HttpResponse<String> released = release();
            assertThat(released.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(released.body()).get("held").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> numbers.stream().allMatch(no -> merchant.received(no).size() == 1));
            assertThat(numbers).allMatch(no -> merchant.received(no).get(0).valid());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> numbers.stream().allMatch(no -> view(no).get("notifications").size() == 1));
        } finally {
            release();
        }
    }

    @Test
    void aHoldNobodyReleasesEndsByItself() {
        assertThat(wx.postJson("/sandbox/api/notifications/hold?seconds=1", "").statusCode()).isEqualTo(200);
        String no = WxClient.newOutTradeNo();
        try {
            placeAndPay(no, 6, SignType.MD5, null);
            await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 1);
            assertThat(stats().get("pendingNotifications").asInt()).isZero();
        } finally {
            release();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 1);
    }

    @Test
    void aHoldIsBoundedSoThatNoCallerCanSilenceTheSandboxForGood() {
        for (String seconds : List.of("0", "601", "-5")) {
            var refused = wx.postJson("/sandbox/api/notifications/hold?seconds=" + seconds, "");
            assertThat(refused.statusCode()).as(seconds).isEqualTo(400);
            assertThat(refused.body()).contains("BAD_REQUEST").contains("seconds must be 1 to 600");
        }
        String no = WxClient.newOutTradeNo();
        placeAndPay(no, 8, SignType.MD5, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received(no).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> view(no).get("notifications").size() == 1);
    }

    private JsonNode stats() {
        return JSON.readTree(wx.get("/sandbox/api/stats").body());
    }

    private HttpResponse<String> release() {
        return wx.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/api/notifications/hold")).DELETE());
    }
}
