package com.changgou.sandbox;

import static com.changgou.sandbox.support.RefundMerchant.JSON;
import static com.changgou.sandbox.support.RefundMerchant.newOutRefundNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.support.RefundMerchant;
import com.changgou.sandbox.support.RefundMerchant.Paid;
import com.changgou.sandbox.support.RefundReceiver.Received;
import com.changgou.sandbox.support.WxClient;
import com.changgou.sandbox.tls.RefundConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RefundSandboxTest
class RefundApiTest {

    private static final DateTimeFormatter SUCCESS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @LocalServerPort
    int port;
    @Autowired
    RefundConnector connector;
    RefundMerchant merchant;

    @BeforeEach
    void start() throws IOException {
        merchant = new RefundMerchant(port, connector.localPort());
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    private Map<String, String> refundQuery(Map<String, String> by) {
        return merchant.plain.call("/pay/refundquery", by);
    }

    @Test
    void aRefundIsProcessingThenSucceedsAndIsNotifiedEncryptedOnce() {
        Paid trade = merchant.paid(1000);
        String outRefundNo = newOutRefundNo();
        Map<String, String> answer = merchant.tls.call("/secapi/pay/refund",
                merchant.refundFields(trade, outRefundNo, 300), SignType.HMAC_SHA256);
        assertThat(answer).containsEntry("result_code", "SUCCESS").containsEntry("appid", WxClient.APPID)
                .containsEntry("mch_id", WxClient.MCH_ID).containsEntry("transaction_id", trade.transactionId())
                .containsEntry("out_trade_no", trade.outTradeNo()).containsEntry("out_refund_no", outRefundNo)
                .containsEntry("refund_fee", "300").containsEntry("total_fee", "1000")
                .containsEntry("cash_fee", "1000").containsEntry("cash_refund_fee", "300")
                .containsKeys("nonce_str", "sign");
        String refundId = answer.get("refund_id");
        assertThat(refundId).startsWith("50").hasSize(29);

        assertThat(refundQuery(Map.of("out_refund_no", outRefundNo))).containsEntry("refund_count", "1")
                .containsEntry("refund_status_0", "PROCESSING").containsEntry("refund_id_0", refundId)
                .doesNotContainKey("refund_success_time_0");

        await().atMost(Duration.ofSeconds(10)).until(() -> merchant.receiver.received(outRefundNo).size() == 1);
        Received notified = merchant.receiver.received(outRefundNo).get(0);
        assertThat(notified.outer()).containsOnlyKeys("return_code", "appid", "mch_id", "nonce_str", "req_info")
                .containsEntry("return_code", "SUCCESS").containsEntry("appid", WxClient.APPID)
                .containsEntry("mch_id", WxClient.MCH_ID);
        assertThat(notified.info()).containsEntry("transaction_id", trade.transactionId())
                .containsEntry("out_trade_no", trade.outTradeNo()).containsEntry("refund_id", refundId)
                .containsEntry("out_refund_no", outRefundNo).containsEntry("total_fee", "1000")
                .containsEntry("refund_fee", "300").containsEntry("settlement_refund_fee", "300")
                .containsEntry("refund_status", "SUCCESS").containsEntry("refund_recv_accout", "支付用户的零钱")
                .containsEntry("refund_account", "REFUND_SOURCE_UNSETTLED_FUNDS")
                .containsEntry("refund_request_source", "API");
        LocalDateTime successTime = LocalDateTime.parse(notified.info().get("success_time"), SUCCESS_TIME);
        assertThat(Duration.between(successTime.atZone(WxTime.BEIJING).toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));

        assertThat(merchant.plain.call("/pay/refundquery", Map.of("refund_id", refundId), SignType.HMAC_SHA256))
                .containsEntry("refund_status_0", "SUCCESS").containsEntry("out_refund_no_0", outRefundNo)
                .containsEntry("refund_fee_0", "300").containsEntry("refund_recv_accout_0", "支付用户的零钱")
                .containsEntry("refund_success_time_0", notified.info().get("success_time"))
                .containsEntry("total_fee", "1000").containsEntry("cash_fee", "1000")
                .containsEntry("transaction_id", trade.transactionId());

        String second = newOutRefundNo();
        merchant.refund(trade, second, 700);
        assertThat(refundQuery(Map.of("transaction_id", trade.transactionId()))).containsEntry("refund_count", "2")
                .containsEntry("out_refund_no_0", outRefundNo).containsEntry("out_refund_no_1", second)
                .containsEntry("refund_fee_1", "700");
        assertThat(refundQuery(Map.of("out_trade_no", trade.outTradeNo()))).containsEntry("refund_count", "2");

        // acknowledged: the retry schedule (150 ms, 150 ms, 300 ms at this scale) brings nothing more
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> merchant.receiver.received(outRefundNo).size() == 1);
        JsonNode view = merchant.view(outRefundNo);
        assertThat(view.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(view.get("refundRequests").asInt()).isEqualTo(1);
        assertThat(view.get("refundQueries").asInt()).isEqualTo(4);
        assertThat(view.get("notifications").size()).isEqualTo(1);
        assertThat(view.get("notifications").get(0).get("acknowledged").asBoolean()).isTrue();
        assertThat(merchant.plain.call("/pay/orderquery", Map.of("out_trade_no", trade.outTradeNo())))
                .containsEntry("trade_state", "REFUND");
    }

    @Test
    void aRetryIsTheSameRefundAndEveryRuleOfWechatIsEnforced() {
        Paid trade = merchant.paid(100);
        String outRefundNo = newOutRefundNo();
        String refundId = merchant.refund(trade, outRefundNo, 60).get("refund_id");
        assertThat(merchant.refund(trade, outRefundNo, 60)).containsEntry("result_code", "SUCCESS")
                .containsEntry("refund_id", refundId);
        assertThat(merchant.refund(trade, outRefundNo, 61)).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "INVALID_REQUEST");
        Map<String, String> tooMuch = merchant.refund(trade, newOutRefundNo(), 41);
        assertThat(tooMuch).containsEntry("err_code", "INVALID_REQUEST");
        assertThat(tooMuch.get("err_code_des")).contains("refund_fee大于可退金额");
        Map<String, String> wrongTotal = merchant.refundFields(trade, newOutRefundNo(), 1);
        wrongTotal.put("total_fee", "99");
        assertThat(merchant.tls.call("/secapi/pay/refund", wrongTotal)).containsEntry("err_code", "INVALID_REQUEST");
        assertThat(merchant.refund(trade, newOutRefundNo(), 0)).containsEntry("err_code", "INVALID_REQUEST");
        assertThat(merchant.view(outRefundNo).get("refundRequests").asInt()).isEqualTo(3);

        assertThat(merchant.refund(merchant.unpaid(100), newOutRefundNo(), 1))
                .containsEntry("err_code", "TRADE_STATE_ERROR");
        assertThat(merchant.refund(new Paid("NOSUCHTRADE", null, 100), newOutRefundNo(), 1))
                .containsEntry("err_code", "ORDERNOTEXIST");
        Map<String, String> noTrade = merchant.refundFields(trade, newOutRefundNo(), 1);
        noTrade.remove("out_trade_no");
        assertThat(merchant.tls.call("/secapi/pay/refund", noTrade)).containsEntry("err_code", "LACK_PARAMS");

        Map<String, String> tampered = new LinkedHashMap<>(WxXml.parse(merchant.tls.signedBody(
                merchant.refundFields(trade, newOutRefundNo(), 1), SignType.MD5).getBytes(StandardCharsets.UTF_8)));
        tampered.put("refund_fee", "40");
        assertThat(merchant.tls.raw("/secapi/pay/refund", WxXml.write(tampered)))
                .containsEntry("err_code", "SIGNERROR");

        assertThat(refundQuery(Map.of("out_refund_no", "NOSUCHREFUND")))
                .containsEntry("result_code", "FAIL").containsEntry("err_code", "REFUNDNOTEXIST");
        assertThat(refundQuery(Map.of())).containsEntry("err_code", "LACK_PARAMS");
        assertThat(JSON.readTree(merchant.plain.get("/sandbox/api/refund-calls/NOSUCHREFUND").body())
                .get("refundQueries").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void notEnoughAndSystemErrorAnswerTheNextRequestsThenTheSameRequestSucceeds() {
        Paid trade = merchant.paid(100);
        String outRefundNo = newOutRefundNo();
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"NOTENOUGH\",\"count\":1}".formatted(outRefundNo));
        merchant.fault("{\"mode\":\"SYSTEMERROR\",\"count\":2}");
        assertThat(merchant.refund(trade, outRefundNo, 100)).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "NOTENOUGH");
        assertThat(merchant.refund(trade, outRefundNo, 100)).containsEntry("err_code", "SYSTEMERROR");
        assertThat(merchant.refund(trade, outRefundNo, 100)).containsEntry("err_code", "SYSTEMERROR");
        assertThat(merchant.plain.get("/sandbox/api/refunds/" + outRefundNo).statusCode()).isEqualTo(404);
        JsonNode calls = JSON.readTree(merchant.plain.get("/sandbox/api/refund-calls/" + outRefundNo).body());
        assertThat(calls.get("refundRequests").asInt()).isEqualTo(3);
        assertThat(merchant.plain.get("/sandbox/api/refund-faults").body()).isEqualTo("[]");

        assertThat(merchant.refund(trade, outRefundNo, 100)).containsEntry("result_code", "SUCCESS");
        assertThat(merchant.view(outRefundNo).get("refundRequests").asInt()).isEqualTo(4);
    }

    @Test
    void aSlowAnswerComesAfterTheRefundIsMadeAndAskingAgainFindsTheSameRefund() {
        Paid trade = merchant.paid(100);
        String outRefundNo = newOutRefundNo();
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"SLOW_ANSWER\",\"count\":1,\"delayMillis\":800}".formatted(outRefundNo));

        long started = System.nanoTime();
        Map<String, String> late = merchant.refund(trade, outRefundNo, 100);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> again = merchant.refund(trade, outRefundNo, 100);

        assertThat(tookMillis).isGreaterThanOrEqualTo(800);
        assertThat(late).containsEntry("result_code", "SUCCESS");
        assertThat(again).containsEntry("result_code", "SUCCESS").containsEntry("refund_id", late.get("refund_id"));
        assertThat(merchant.view(outRefundNo).get("refundRequests").asInt()).isEqualTo(2);
    }
}
