package com.changgou.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.alipay.support.AlipayMerchant;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AlipaySandboxTest
class AlipayGatewayTest {

    @LocalServerPort
    int port;
    AlipayMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = new AlipayMerchant(port, AlipaySandboxTest.APP_ID);
    }

    /** Opens the cashier the way a browser does (form POST of wap.pay) and presses pay through the test API. */
    private String paidTrade(String yuan) {
        String no = AlipayMerchant.newOutTradeNo();
        HttpResponse<String> cashier = merchant.post("/alipay/gateway.do", AlipayMerchant.form(
                merchant.signed("alipay.trade.wap.pay", wapBiz(no, yuan), Map.of())));
        assertThat(cashier.body()).contains("id=\"alipay-pay\"");
        var paid = merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"%s\",\"outcome\":\"PAY\"}".formatted(no));
        assertThat(paid.statusCode()).isEqualTo(200);
        return no;
    }

    static Map<String, String> wapBiz(String no, String yuan) {
        Map<String, String> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", no);
        biz.put("total_amount", yuan);
        biz.put("subject", "畅购-测试商品");
        biz.put("product_code", "QUICK_WAP_WAY");
        return biz;
    }

    @Test
    void queryAnswersAPaidTradeSignedOverTheExactResponseText() {
        String no = paidTrade("88.80");
        JsonNode answer = merchant.call("alipay.trade.query", Map.of("out_trade_no", no));
        assertThat(answer.get("code").asString()).isEqualTo("10000");
        assertThat(answer.get("msg").asString()).isEqualTo("Success");
        assertThat(answer.get("trade_status").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(answer.get("total_amount").asString()).isEqualTo("88.80");
        assertThat(answer.get("buyer_pay_amount").asString()).isEqualTo("88.80");
        assertThat(answer.get("trade_no").asString()).hasSize(28);
        assertThat(answer.get("buyer_user_id").asString()).startsWith("2088");
        assertThat(answer.get("send_pay_date").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        JsonNode byTradeNo = merchant.call("alipay.trade.query", Map.of("trade_no", answer.get("trade_no").asString()));
        assertThat(byTradeNo.get("out_trade_no").asString()).isEqualTo(no);
        JsonNode view = AlipayMerchant.JSON.readTree(merchant.get("/sandbox/api/alipay/trades/" + no).body());
        assertThat(view.get("queries").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownTradeIsAPublicBusinessError() {
        JsonNode answer = merchant.call("alipay.trade.query", Map.of("out_trade_no", "NOSUCH"));
        assertThat(answer.get("code").asString()).isEqualTo("40004");
        assertThat(answer.get("msg").asString()).isEqualTo("Business Failed");
        assertThat(answer.get("sub_code").asString()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThat(answer.get("out_trade_no").asString()).isEqualTo("NOSUCH");
        assertThat(merchant.call("alipay.trade.close", Map.of("out_trade_no", "NOSUCH")).get("sub_code").asString())
                .isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void aBadSignatureIsRefusedWithTheStringTheGatewayVerified() {
        Map<String, String> parameters = new LinkedHashMap<>(merchant.signed("alipay.trade.query",
                Map.of("out_trade_no", "X1"), Map.of()));
        parameters.put("biz_content", "{\"out_trade_no\":\"X2\"}");
        String body = merchant.post("/alipay/gateway.do", AlipayMerchant.form(parameters)).body();
        JsonNode answer = merchant.verifiedNode(body, "alipay_trade_query_response");
        assertThat(answer.get("code").asString()).isEqualTo("40002");
        assertThat(answer.get("msg").asString()).isEqualTo("Invalid Arguments");
        assertThat(answer.get("sub_code").asString()).isEqualTo("isv.invalid-signature");
        assertThat(answer.get("sub_msg").asString()).contains("biz_content={\"out_trade_no\":\"X2\"}")
                .contains("sign_type=RSA2");
    }

    @Test
    void missingAndInvalidPublicParametersAreTheGatewaysCodes() {
        Map<String, String> noSign = new LinkedHashMap<>(merchant.signed("alipay.trade.query", Map.of("out_trade_no", "X"), Map.of()));
        noSign.remove("sign");
        JsonNode missing = merchant.verifiedNode(merchant.post("/alipay/gateway.do", AlipayMerchant.form(noSign)).body(),
                "alipay_trade_query_response");
        assertThat(missing.get("code").asString()).isEqualTo("40001");
        assertThat(missing.get("sub_code").asString()).isEqualTo("isv.missing-signature");

        Map<String, String> unknownMethod = merchant.signed("alipay.trade.nothing", Map.of(), Map.of());
        JsonNode invalid = merchant.verifiedNode(merchant.post("/alipay/gateway.do",
                AlipayMerchant.form(unknownMethod)).body(), "error_response");
        assertThat(invalid.get("sub_code").asString()).isEqualTo("isv.invalid-method");

        AlipayMerchant stranger = new AlipayMerchant(port, "2021999999999999");
        JsonNode otherApp = stranger.call("alipay.trade.query", Map.of("out_trade_no", "X"));
        assertThat(otherApp.get("sub_code").asString()).isEqualTo("isv.invalid-app-id");

        JsonNode neither = merchant.call("alipay.trade.query", Map.of());
        assertThat(neither.get("sub_code").asString()).isEqualTo("ACQ.INVALID_PARAMETER");
    }

    @Test
    void closeClosesAWaitingTradeOnceAndRefusesAPaidOne() {
        String waiting = AlipayMerchant.newOutTradeNo();
        merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                wapBiz(waiting, "1.00"), Map.of())));
        assertThat(merchant.call("alipay.trade.close", Map.of("out_trade_no", waiting)).get("code").asString())
                .isEqualTo("10000");
        assertThat(merchant.call("alipay.trade.close", Map.of("out_trade_no", waiting)).get("code").asString())
                .isEqualTo("10000");
        assertThat(merchant.call("alipay.trade.query", Map.of("out_trade_no", waiting)).get("trade_status").asString())
                .isEqualTo("TRADE_CLOSED");

        String paid = paidTrade("2.00");
        JsonNode refused = merchant.call("alipay.trade.close", Map.of("out_trade_no", paid));
        assertThat(refused.get("code").asString()).isEqualTo("40004");
        assertThat(refused.get("sub_code").asString()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
    }

    @Test
    void refundsAreIdempotentPerOutRequestNoBoundedByTheTotalAndQueryable() {
        String no = paidTrade("10.00");
        JsonNode first = merchant.call("alipay.trade.refund",
                Map.of("out_trade_no", no, "refund_amount", "3.00", "out_request_no", "R1", "refund_reason", "退货"));
        assertThat(first.get("code").asString()).isEqualTo("10000");
        assertThat(first.get("fund_change").asString()).isEqualTo("Y");
        assertThat(first.get("refund_fee").asString()).isEqualTo("3.00");

        JsonNode again = merchant.call("alipay.trade.refund",
                Map.of("out_trade_no", no, "refund_amount", "3.00", "out_request_no", "R1"));
        assertThat(again.get("fund_change").asString()).isEqualTo("N");
        assertThat(again.get("refund_fee").asString()).isEqualTo("3.00");

        JsonNode tooMuch = merchant.call("alipay.trade.refund",
                Map.of("out_trade_no", no, "refund_amount", "7.01", "out_request_no", "R2"));
        assertThat(tooMuch.get("code").asString()).isEqualTo("40004");
        assertThat(tooMuch.get("sub_code").asString()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");

        JsonNode rest = merchant.call("alipay.trade.refund",
                Map.of("out_trade_no", no, "refund_amount", "7.00", "out_request_no", "R2"));
        assertThat(rest.get("refund_fee").asString()).isEqualTo("10.00");
        assertThat(merchant.call("alipay.trade.query", Map.of("out_trade_no", no)).get("trade_status").asString())
                .isEqualTo("TRADE_CLOSED");

        JsonNode found = merchant.call("alipay.trade.fastpay.refund.query",
                Map.of("out_trade_no", no, "out_request_no", "R1"));
        assertThat(found.get("refund_status").asString()).isEqualTo("REFUND_SUCCESS");
        assertThat(found.get("refund_amount").asString()).isEqualTo("3.00");
        assertThat(found.get("total_amount").asString()).isEqualTo("10.00");
        JsonNode notMade = merchant.call("alipay.trade.fastpay.refund.query",
                Map.of("out_trade_no", no, "out_request_no", "R9"));
        assertThat(notMade.get("code").asString()).isEqualTo("10000");
        assertThat(notMade.has("refund_status")).isFalse();
        assertThat(notMade.has("refund_amount")).isFalse();

        JsonNode view = AlipayMerchant.JSON.readTree(merchant.get("/sandbox/api/alipay/trades/" + no).body());
        assertThat(view.get("refundRequests").asInt()).isEqualTo(4);
        assertThat(view.get("refundQueries").asInt()).isEqualTo(2);
        assertThat(view.get("refundedFen").asLong()).isEqualTo(1000);
    }

    @Test
    void aWaitingTradeCannotBeRefunded() {
        String no = AlipayMerchant.newOutTradeNo();
        merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                wapBiz(no, "1.00"), Map.of())));
        JsonNode refused = merchant.call("alipay.trade.refund", Map.of("out_trade_no", no, "refund_amount", "1.00"));
        assertThat(refused.get("sub_code").asString()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        assertThat(refused.get("refund_fee").asString()).isEqualTo("0.00");
    }

    @Test
    void theTestApiSaysWhatAndWhich() {
        assertThat(merchant.get("/sandbox/api/alipay/trades/NOSUCH").statusCode()).isEqualTo(404);
        var unknown = merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"NOSUCH\",\"outcome\":\"PAY\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("ACQ.TRADE_NOT_EXIST").contains("NOSUCH");
        String no = paidTrade("1.00");
        var again = merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"%s\",\"outcome\":\"PAY\"}".formatted(no));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ACQ.TRADE_HAS_SUCCESS");
        var nonsense = merchant.postJson("/sandbox/api/alipay/pay", "{\"outTradeNo\":\"%s\",\"outcome\":\"MAYBE\"}".formatted(no));
        assertThat(nonsense.statusCode()).isEqualTo(400);
    }
}
