package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.changgou.pay.wechat.FakeWechat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WechatPayClient over real HTTP against a fake WeChat the test controls. */
class WechatPayClientHttpTest {

    private static final UnifiedOrderCommand ORDER = new UnifiedOrderCommand(
            "T2001", "Changgou order 2001", 2990, "2001", Instant.parse("2026-12-01T12:30:00Z"), "10.1.2.3");

    private FakeWechat wechat;
    private WechatPayClient client;

    @BeforeEach
    void start() throws IOException {
        wechat = new FakeWechat();
        client = new WechatPayClient(TestSigner.properties(wechat.baseUrl(), WechatSignType.HMAC_SHA256));
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void unifiedOrderSendsASignedNativeRequestAndReturnsTheCodeUrl() {
        wechat.answerSigned(Map.of("result_code", "SUCCESS", "trade_type", "NATIVE",
                "prepay_id", "wx201412011200", "code_url", "weixin://wxpay/bizpayurl?pr=abc"));

        UnifiedOrderResult result = client.unifiedOrder(ORDER);

        assertThat(result).isEqualTo(new UnifiedOrderResult("wx201412011200", "weixin://wxpay/bizpayurl?pr=abc"));
        FakeWechat.Request request = wechat.requests.get(0);
        assertThat(request.path()).isEqualTo("/pay/unifiedorder");
        assertThat(request.fields())
                .containsEntry("appid", TestSigner.APP_ID)
                .containsEntry("mch_id", TestSigner.MCH_ID)
                .containsEntry("trade_type", "NATIVE")
                .containsEntry("out_trade_no", "T2001")
                .containsEntry("total_fee", "2990")
                .containsEntry("product_id", "2001")
                .containsEntry("spbill_create_ip", "10.1.2.3")
                .containsEntry("notify_url", "http://127.0.0.1:1/notify")
                .containsEntry("time_expire", "20261201203000")
                .containsEntry("sign_type", "HMAC-SHA256");
        assertThat(request.fields().get("nonce_str")).matches("[0-9a-f]{32}");
        assertThat(request.fields().get("sign"))
                .isEqualTo(TestSigner.sign(request.fields(), "HMAC-SHA256", TestSigner.KEY));
    }

    @Test
    void md5MerchantsSignRequestsWithMd5AndFreshNonces() throws IOException {
        try (FakeWechat md5Wechat = new FakeWechat()) {
            WechatPayClient md5Client = new WechatPayClient(TestSigner.properties(md5Wechat.baseUrl(), WechatSignType.MD5));
            md5Wechat.answerSigned(Map.of("result_code", "SUCCESS", "out_trade_no", "T2002", "trade_state", "NOTPAY"));

            md5Client.queryOrder("T2002");
            md5Client.queryOrder("T2002");

            Map<String, String> first = md5Wechat.requests.get(0).fields();
            assertThat(first.get("sign")).isEqualTo(TestSigner.sign(first, "MD5", TestSigner.KEY));
            assertThat(first.get("nonce_str")).isNotEqualTo(md5Wechat.requests.get(1).fields().get("nonce_str"));
        }
    }

    @Test
    void queryOrderReadsAPaidTrade() {
        wechat.answerSigned(Map.of("result_code", "SUCCESS", "out_trade_no", "T2003", "trade_state", "SUCCESS",
                "transaction_id", "4200000001", "total_fee", "2990", "time_end", "20261201203500",
                "trade_state_desc", "支付成功", "attach_2031", "unknown field, signed"));

        assertThat(client.queryOrder("T2003")).contains(new TradeQueryResult(
                TradeState.SUCCESS, "T2003", "4200000001", 2990, Instant.parse("2026-12-01T12:35:00Z"), "支付成功"));
        assertThat(wechat.requests.get(0).path()).isEqualTo("/pay/orderquery");
    }

    @Test
    void queryOrderReadsAnUnpaidTradeAndOrderNotExistIsEmpty() {
        wechat.answerSigned(Map.of("result_code", "SUCCESS", "out_trade_no", "T2004", "trade_state", "NOTPAY"));
        assertThat(client.queryOrder("T2004").map(TradeQueryResult::state)).contains(TradeState.NOTPAY);

        wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", "ORDERNOTEXIST", "err_code_des", "order not exist"));
        assertThat(client.queryOrder("T2004")).isEqualTo(Optional.empty());
    }

    @Test
    void closeOrderMapsWechatsAnswersToResults() {
        wechat.answerSigned(Map.of("result_code", "SUCCESS"));
        assertThat(client.closeOrder("T2005")).isEqualTo(CloseResult.CLOSED);
        assertThat(wechat.requests.get(0).path()).isEqualTo("/pay/closeorder");
        Map<String, CloseResult> expected = Map.of("ORDERPAID", CloseResult.ALREADY_PAID,
                "ORDERCLOSED", CloseResult.ALREADY_CLOSED, "ORDERNOTEXIST", CloseResult.NOT_FOUND);
        expected.forEach((errCode, result) -> {
            wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", errCode));
            assertThat(client.closeOrder("T2005")).isEqualTo(result);
        });
    }

    @Test
    void otherResultFailuresAreRejections() {
        wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", "ORDERPAID", "err_code_des", "paid"));
        assertThatThrownBy(() -> client.unifiedOrder(ORDER))
                .isInstanceOfSatisfying(WechatRejectedException.class, e -> assertThat(e.errCode()).isEqualTo("ORDERPAID"));
        wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", "SIGNERROR"));
        assertThatThrownBy(() -> client.closeOrder("T2006")).isInstanceOf(WechatRejectedException.class);
    }

    @Test
    void systemErrorMeansTheOutcomeIsUnknown() {
        wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", "SYSTEMERROR"));
        assertThatThrownBy(() -> client.closeOrder("T2007"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("SYSTEMERROR");
    }

    @Test
    void returnCodeFailIsUnavailable() {
        wechat.answer((path, request) -> Reply.of(
                "<xml><return_code>FAIL</return_code><return_msg>签名错误</return_msg></xml>"));
        assertThatThrownBy(() -> client.queryOrder("T2008"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("return_code FAIL");
    }

    @Test
    void answersWithoutOrWithAWrongSignAreNotBelieved() {
        wechat.answer((path, request) -> {
            Map<String, String> answer = new java.util.LinkedHashMap<>(FakeWechat.signedAnswer(request,
                    Map.of("result_code", "SUCCESS", "out_trade_no", "T2009", "trade_state", "SUCCESS")));
            answer.remove("sign");
            return Reply.of(TestSigner.xml(answer));
        });
        assertThatThrownBy(() -> client.queryOrder("T2009"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("no sign");

        wechat.answer((path, request) -> {
            Map<String, String> answer = new java.util.LinkedHashMap<>(FakeWechat.signedAnswer(request,
                    Map.of("result_code", "SUCCESS", "out_trade_no", "T2009", "trade_state", "NOTPAY")));
            answer.put("trade_state", "SUCCESS");
            return Reply.of(TestSigner.xml(answer));
        });
        assertThatThrownBy(() -> client.queryOrder("T2009"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("wrong HMAC-SHA256 sign")
                .message().doesNotContain(TestSigner.KEY);
    }

    @Test
    void anAnswerAboutAnotherTradeIsNotBelieved() {
        wechat.answerSigned(Map.of("result_code", "SUCCESS", "out_trade_no", "OTHER", "trade_state", "SUCCESS"));
        assertThatThrownBy(() -> client.queryOrder("T2010"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("about out_trade_no OTHER");
    }

    @Test
    void anXxeAnswerIsRefusedAndFetchesNothing() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String xxe = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"http://127.0.0.1:" + listener.getLocalPort()
                    + "/x\"><!ENTITY f SYSTEM \"file:///etc/passwd\">]><xml><return_code>&e;&f;</return_code></xml>";
            wechat.answer((path, request) -> Reply.of(xxe));
            assertThatThrownBy(() -> client.queryOrder("T2011"))
                    .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("DOCTYPE");
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aTenMegabyteAnswerIsCutOffAndNotRetried() {
        byte[] huge = new byte[10 * 1024 * 1024];
        for (boolean chunked : new boolean[] {false, true}) {
            wechat.requests.clear();
            wechat.answer((path, request) -> new Reply(200, huge, 0, chunked));
            assertThatThrownBy(() -> client.queryOrder("T2012"))
                    .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("exceeds 65536");
            assertThat(wechat.requests).hasSize(1);
        }
    }

    @Test
    void truncatedAndEmptyAnswersAreUnavailable() {
        wechat.answer((path, request) -> Reply.of("<xml><return_code>SUCC"));
        assertThatThrownBy(() -> client.queryOrder("T2013")).isInstanceOf(WechatUnavailableException.class)
                .hasMessageContaining("not well-formed");
        wechat.answer((path, request) -> Reply.of(""));
        assertThatThrownBy(() -> client.queryOrder("T2013")).isInstanceOf(WechatUnavailableException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void aSlowWechatIsRetriedMaxAttemptsTimesThenUnavailable() {
        wechat.answer((path, request) -> new Reply(200, new byte[0], 3_000, false));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.queryOrder("T2014"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("after 3 attempt(s)");
        assertThat(wechat.requests).hasSize(3);
        // 3 read timeouts of 700 ms plus 20 + 40 ms back-off, far below 3 x 3 s of waiting for WeChat.
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(2_100L, 5_000L);
    }

    @Test
    void aPassingFailureIsRetriedAndTheSecondAnswerIsUsed() {
        AtomicInteger calls = new AtomicInteger();
        wechat.answer((path, request) -> calls.incrementAndGet() == 1
                ? new Reply(503, new byte[0], 0, false)
                : Reply.of(TestSigner.xml(FakeWechat.signedAnswer(request, Map.of("result_code", "SUCCESS")))));
        assertThat(client.closeOrder("T2015")).isEqualTo(CloseResult.CLOSED);
        assertThat(wechat.requests).hasSize(2);
        assertThat(wechat.requests.get(0).fields()).isEqualTo(wechat.requests.get(1).fields());
    }

    @Test
    void aClientErrorStatusIsNotRetried() {
        wechat.answer((path, request) -> new Reply(404, new byte[0], 0, false));
        assertThatThrownBy(() -> client.closeOrder("T2016"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("HTTP status 404");
        assertThat(wechat.requests).hasSize(1);
    }

    @Test
    void anUnreachableWechatIsUnavailableAfterBoundedAttempts() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        WechatPayClient unreachable = new WechatPayClient(
                TestSigner.properties("http://127.0.0.1:" + port, WechatSignType.HMAC_SHA256));
        assertThatThrownBy(() -> unreachable.queryOrder("T2017"))
                .isInstanceOf(WechatUnavailableException.class).hasMessageContaining("after 3 attempt(s)");
    }
}
