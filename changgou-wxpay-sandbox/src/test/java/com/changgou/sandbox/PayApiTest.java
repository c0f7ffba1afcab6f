package com.changgou.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.support.WxClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SandboxTest
class PayApiTest {

    private static final String NOTIFY_URL = "http://127.0.0.1:1/notify";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    WxClient wx;

    @BeforeEach
    void client() {
        wx = new WxClient(port);
    }

    private Map<String, String> unifiedOrder(String outTradeNo, long fee, SignType signType) {
        return wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(outTradeNo, fee, NOTIFY_URL), signType);
    }

    private Map<String, String> query(String outTradeNo) {
        return wx.call("/pay/orderquery", Map.of("out_trade_no", outTradeNo));
    }

    private Map<String, String> close(String outTradeNo) {
        return wx.call("/pay/closeorder", Map.of("out_trade_no", outTradeNo));
    }

    private void scan(String codeUrl, String outcome) {
        assertThat(wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, outcome)).statusCode()).isEqualTo(200);
    }

    @Test
    void unifiedOrderAnswersAPrepayIdAndAWechatCodeUrlSignedLikeTheRequest() {
        for (SignType signType : SignType.values()) {
            Map<String, String> reply = unifiedOrder(WxClient.newOutTradeNo(), 1, signType);
            assertThat(reply).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                    .containsEntry("appid", WxClient.APPID).containsEntry("mch_id", WxClient.MCH_ID)
                    .containsEntry("trade_type", "NATIVE").containsKeys("nonce_str", "sign");
            assertThat(reply.get("prepay_id")).startsWith("wx").hasSize(36);
            assertThat(reply.get("code_url")).matches("weixin://wxpay/bizpayurl\\?pr=[A-Za-z0-9]{7}");
            assertThat(reply.get("sign")).hasSize(signType == SignType.MD5 ? 32 : 64);
        }
    }

    @Test
    void anIdenticalRepeatGetsTheSameCodeUrlAndOtherTermsAreRefused() {
        String no = WxClient.newOutTradeNo();
        Map<String, String> fields = WxClient.unifiedOrderFields(no, 100, NOTIFY_URL);
        Map<String, String> first = wx.call("/pay/unifiedorder", fields);
        Map<String, String> again = wx.call("/pay/unifiedorder", fields, SignType.HMAC_SHA256);
        assertThat(again).containsEntry("result_code", "SUCCESS")
                .containsEntry("prepay_id", first.get("prepay_id")).containsEntry("code_url", first.get("code_url"));

        Map<String, String> dearer = new LinkedHashMap<>(fields);
        dearer.put("total_fee", "101");
        assertThat(wx.call("/pay/unifiedorder", dearer))
                .containsEntry("result_code", "FAIL").containsEntry("err_code", "OUT_TRADE_NO_USED");
        assertThat(query(no)).containsEntry("total_fee", "100");
    }

    @Test
    void aMissingRequiredFieldIsLackParams() {
        Map<String, String> fields = WxClient.unifiedOrderFields(WxClient.newOutTradeNo(), 1, NOTIFY_URL);
        fields.remove("product_id");
        Map<String, String> reply = wx.call("/pay/unifiedorder", fields);
        assertThat(reply).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "LACK_PARAMS");
        assertThat(reply.get("err_code_des")).contains("product_id");
    }

    @Test
    void aBadSignatureIsSignErrorAndCreatesNothing() {
        String no = WxClient.newOutTradeNo();
        Map<String, String> fields = new LinkedHashMap<>(WxClient.unifiedOrderFields(no, 1, NOTIFY_URL));
        fields.put("appid", WxClient.APPID);
        fields.put("mch_id", WxClient.MCH_ID);
        fields.put("nonce_str", "abc");
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        Map<String, String> reply = wx.raw("/pay/unifiedorder", com.changgou.sandbox.protocol.WxXml.write(fields));
        assertThat(reply).containsEntry("result_code", "FAIL").containsEntry("err_code", "SIGNERROR");
        assertThat(query(no)).containsEntry("err_code", "ORDERNOTEXIST");
    }

    @Test
    void anotherMerchantIsRefused() {
        Map<String, String> wrongMch = new LinkedHashMap<>(WxClient.unifiedOrderFields(WxClient.newOutTradeNo(), 1,
                NOTIFY_URL));
        wrongMch.put("mch_id", "1900000002");
        assertThat(wx.call("/pay/unifiedorder", wrongMch)).containsEntry("err_code", "MCHID_NOT_EXIST");
        Map<String, String> wrongApp = new LinkedHashMap<>(WxClient.unifiedOrderFields(WxClient.newOutTradeNo(), 1,
                NOTIFY_URL));
        wrongApp.put("appid", "wx0000000000000000");
        assertThat(wx.call("/pay/unifiedorder", wrongApp)).containsEntry("err_code", "APPID_NOT_EXIST");
    }

    @Test
    void hostileOrBrokenBodiesAreReturnCodeFailAndChangeNothing() {
        String no = WxClient.newOutTradeNo();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><out_trade_no>" + no + "</out_trade_no><body>&xxe;</body></xml>";
        String laughs = "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><xml><body>&b;</body></xml>";
        String oversized = "<xml><body>" + "x".repeat(70_000) + "</body></xml>";
        for (String body : new String[] {xxe, laughs, oversized, "<xml><out_trade_no>" + no, ""}) {
            Map<String, String> reply = wx.raw("/pay/unifiedorder", body);
            assertThat(reply).containsEntry("return_code", "FAIL").doesNotContainKey("sign");
            assertThat(reply.get("return_msg")).startsWith("XML_FORMAT_ERROR").doesNotContain("root:");
        }
        assertThat(query(no)).containsEntry("err_code", "ORDERNOTEXIST");
    }

    @Test
    void orderQueryFollowsTheTradeThroughItsStates() {
        String no = WxClient.newOutTradeNo();
        String codeUrl = unifiedOrder(no, 250, SignType.MD5).get("code_url");
        assertThat(query(no)).containsEntry("result_code", "SUCCESS").containsEntry("trade_state", "NOTPAY")
                .containsEntry("trade_state_desc", "订单未支付").doesNotContainKey("transaction_id");

        scan(codeUrl, "FAIL");
        assertThat(query(no)).containsEntry("trade_state", "PAYERROR");
        scan(codeUrl, "USERPAYING");
        assertThat(query(no)).containsEntry("trade_state", "USERPAYING");
        scan(codeUrl, "PAY");

        Map<String, String> paid = query(no);
        assertThat(paid).containsEntry("trade_state", "SUCCESS").containsEntry("total_fee", "250")
                .containsEntry("cash_fee", "250").containsEntry("trade_type", "NATIVE")
                .containsKeys("openid", "bank_type", "time_end");
        assertThat(paid.get("transaction_id")).hasSize(28);
        assertThat(WxTime.parse(paid.get("time_end"))).isPresent();
        assertThat(wx.call("/pay/orderquery", Map.of("transaction_id", paid.get("transaction_id")), SignType.HMAC_SHA256))
                .containsEntry("out_trade_no", no).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void anUnknownOrderIsOrderNotExistAndAQueryWithoutIdsLacksParams() {
        assertThat(query("NOSUCHORDER")).containsEntry("result_code", "FAIL").containsEntry("err_code", "ORDERNOTEXIST");
        assertThat(wx.call("/pay/orderquery", Map.of())).containsEntry("err_code", "LACK_PARAMS");
    }

    @Test
    void eachOrderQueryThatReachesAnOrderIsCountedOnIt() {
        String no = WxClient.newOutTradeNo();
        String other = WxClient.newOutTradeNo();
        String codeUrl = unifiedOrder(no, 1, SignType.MD5).get("code_url");
        unifiedOrder(other, 1, SignType.MD5);
        assertThat(orderQueries(no)).isZero();

        query(no);
        scan(codeUrl, "PAY");
        String transactionId = query(no).get("transaction_id");
        wx.call("/pay/orderquery", Map.of("transaction_id", transactionId), SignType.HMAC_SHA256);
        query(other);
        assertThat(orderQueries(no)).isEqualTo(3);

        ExecutorService merchants = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> query(no), merchants))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            merchants.shutdownNow();
        }
        assertThat(orderQueries(no)).isEqualTo(43);
        assertThat(orderQueries(other)).isEqualTo(1);
    }

    private int orderQueries(String outTradeNo) {
        return JSON.readTree(wx.get("/sandbox/api/orders/" + outTradeNo).body()).get("orderQueries").asInt();
    }

    @Test
    void closeOrderClosesAnUnpaidOrderOnceAndNeverAPaidOne() {
        String open = WxClient.newOutTradeNo();
        String openCode = unifiedOrder(open, 1, SignType.MD5).get("code_url");
        assertThat(close(open)).containsEntry("result_code", "SUCCESS");
        assertThat(query(open)).containsEntry("trade_state", "CLOSED");
        assertThat(close(open)).containsEntry("result_code", "FAIL").containsEntry("err_code", "ORDERCLOSED");
        assertThat(unifiedOrder(open, 1, SignType.MD5)).containsEntry("err_code", "ORDERCLOSED");
        assertThat(wx.postJson("/sandbox/api/scan", wx.scanJson(openCode, "PAY")).statusCode()).isEqualTo(409);

        String paid = WxClient.newOutTradeNo();
        scan(unifiedOrder(paid, 1, SignType.MD5).get("code_url"), "PAY");
        assertThat(close(paid)).containsEntry("err_code", "ORDERPAID");
        assertThat(unifiedOrder(paid, 1, SignType.MD5)).containsEntry("err_code", "ORDERPAID");
        assertThat(query(paid)).containsEntry("trade_state", "SUCCESS");

        assertThat(close("NOSUCHORDER")).containsEntry("err_code", "ORDERNOTEXIST");
        assertThat(closeRequests(open)).as("both closeorders, the refused one too").isEqualTo(2);
        assertThat(closeRequests(paid)).isEqualTo(1);
    }

    private int closeRequests(String outTradeNo) {
        return JSON.readTree(wx.get("/sandbox/api/orders/" + outTradeNo).body()).get("closeRequests").asInt();
    }

    @Test
    void aCodeUrlPastTimeExpireCannotBePaidAndStaysNotPay() {
        String no = WxClient.newOutTradeNo();
        Map<String, String> fields = WxClient.unifiedOrderFields(no, 1, NOTIFY_URL);
        String timeExpire = WxTime.format(Instant.now().plus(Duration.ofSeconds(2)));
        fields.put("time_expire", timeExpire);
        String codeUrl = wx.call("/pay/unifiedorder", fields).get("code_url");
        Instant expiry = WxTime.parse(timeExpire).orElseThrow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiry));
        var refused = wx.postJson("/sandbox/api/scan", wx.scanJson(codeUrl, "PAY"));
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("EXPIRED").contains(no);
        assertThat(query(no)).containsEntry("trade_state", "NOTPAY");

        Map<String, String> past = WxClient.unifiedOrderFields(WxClient.newOutTradeNo(), 1, NOTIFY_URL);
        past.put("time_expire", WxTime.format(Instant.now().minusSeconds(60)));
        assertThat(wx.call("/pay/unifiedorder", past)).containsEntry("err_code", "INVALID_REQUEST");
        past.put("time_expire", "2026-01-01");
        assertThat(wx.call("/pay/unifiedorder", past)).containsEntry("err_code", "INVALID_REQUEST");
    }
}
