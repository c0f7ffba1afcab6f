package com.changgou.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.alipay.support.AlipayMerchant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The H5 cashier as a browser meets it: wap.pay's page, its three buttons, the signed return to the merchant. */
@AlipaySandboxTest
class AlipayCashierTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9]+)\"");
    private static final String RETURN_URL = "http://shop.example/pay/return?from=alipay";
    private static final String QUIT_URL = "http://shop.example/order/1";

    @LocalServerPort
    int port;
    AlipayMerchant merchant;

    @BeforeEach
    void merchant() {
        merchant = new AlipayMerchant(port, AlipaySandboxTest.APP_ID);
    }

    private HttpResponse<String> wapPay(String no, String yuan, boolean withQuitUrl) {
        Map<String, String> biz = new LinkedHashMap<>(AlipayGatewayTest.wapBiz(no, yuan));
        if (withQuitUrl) {
            biz.put("quit_url", QUIT_URL);
        }
        return merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay", biz,
                Map.of("return_url", RETURN_URL, "notify_url", "http://127.0.0.1:1/notify"))));
    }

    private HttpResponse<String> press(String page, String action) {
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as("cashier token in %s", page).isTrue();
        return merchant.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alipay/cashier"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token.group(1) + "&action=" + action)));
    }

    @Test
    void wapPayShowsTheCashierAndPayingReturnsToTheMerchantWithSignedParameters() {
        String no = AlipayMerchant.newOutTradeNo();
        HttpResponse<String> page = wapPay(no, "123.45", false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("畅购-测试商品").contains("123.45").contains("id=\"alipay-pay\"")
                .contains("id=\"alipay-fail\"").contains("id=\"alipay-cancel\"").contains("WAIT_BUYER_PAY")
                .doesNotContain("https://").doesNotContain("http://cdn");

        HttpResponse<String> paid = press(page.body(), "PAY");
        assertThat(paid.statusCode()).isEqualTo(302);
        URI back = URI.create(paid.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(RETURN_URL + "&");
        Map<String, String> returned = AlipayMerchant.parseQuery(back.getRawQuery());
        assertThat(returned).containsEntry("from", "alipay").containsEntry("out_trade_no", no)
                .containsEntry("total_amount", "123.45").containsEntry("seller_id", AlipaySandboxTest.SELLER_ID)
                .containsEntry("app_id", AlipaySandboxTest.APP_ID).containsEntry("method", "alipay.trade.wap.pay.return")
                .containsEntry("charset", "utf-8").containsEntry("sign_type", "RSA2").containsKeys("trade_no", "timestamp");
        returned.remove("from"); // the merchant's own parameter is not Alipay's
        assertThat(merchant.verifyNotification(returned)).isTrue();

        assertThat(merchant.call("alipay.trade.query", Map.of("out_trade_no", no)).get("trade_status").asString())
                .isEqualTo("TRADE_SUCCESS");
        assertThat(wapPay(no, "123.45", false).body()).contains("ACQ.TRADE_HAS_SUCCESS").doesNotContain("alipay-pay");
    }

    @Test
    void theSameOutTradeNoReopensTheSameTradeButAnotherAmountIsRefused() {
        String no = AlipayMerchant.newOutTradeNo();
        String first = wapPay(no, "5.00", false).body();
        String again = wapPay(no, "5.00", false).body();
        Matcher a = TOKEN.matcher(first);
        Matcher b = TOKEN.matcher(again);
        assertThat(a.find() && b.find()).isTrue();
        assertThat(a.group(1)).isEqualTo(b.group(1));

        HttpResponse<String> other = wapPay(no, "5.01", false);
        assertThat(other.body()).contains("id=\"alipay-error-code\"").contains("ACQ.CONTEXT_INCONSISTENT")
                .doesNotContain("id=\"alipay-pay\"");
    }

    @Test
    void failKeepsTheTradeWaitingAndCancelGoesToQuitUrl() {
        String no = AlipayMerchant.newOutTradeNo();
        String page = wapPay(no, "1.00", true).body();
        HttpResponse<String> failed = press(page, "FAIL");
        assertThat(failed.statusCode()).isEqualTo(302);
        String location = failed.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("result=FAILED");
        String shown = merchant.get("http://127.0.0.1:" + port + location).body();
        assertThat(shown).contains("id=\"alipay-message\"").contains("WAIT_BUYER_PAY").contains("id=\"alipay-pay\"");

        HttpResponse<String> cancelled = press(page, "CANCEL");
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(cancelled.headers().firstValue("Location")).hasValue(QUIT_URL);
        assertThat(merchant.call("alipay.trade.query", Map.of("out_trade_no", no)).get("trade_status").asString())
                .isEqualTo("WAIT_BUYER_PAY");
    }

    @Test
    void wapPayWorksAsAGetWithEverythingInTheQueryString() {
        String no = AlipayMerchant.newOutTradeNo();
        Map<String, String> parameters = merchant.signed("alipay.trade.wap.pay", AlipayGatewayTest.wapBiz(no, "0.01"), Map.of());
        HttpResponse<String> page = merchant.get("/alipay/gateway.do?" + AlipayMerchant.form(parameters));
        assertThat(page.body()).contains("0.01").contains("id=\"alipay-pay\"");
    }

    @Test
    void aBadlySignedWapPayGetsAlipaysErrorPage() {
        String no = AlipayMerchant.newOutTradeNo();
        Map<String, String> parameters = new LinkedHashMap<>(merchant.signed("alipay.trade.wap.pay",
                AlipayGatewayTest.wapBiz(no, "1.00"), Map.of()));
        parameters.put("biz_content", parameters.get("biz_content").replace("1.00", "0.01"));
        String body = merchant.post("/alipay/gateway.do", AlipayMerchant.form(parameters)).body();
        assertThat(body).contains("isv.invalid-signature").contains("40002").doesNotContain("id=\"alipay-pay\"");
        assertThat(merchant.get("/sandbox/api/alipay/trades/" + no).statusCode()).isEqualTo(404);

        Map<String, String> badCode = new LinkedHashMap<>(AlipayGatewayTest.wapBiz(no, "1.00"));
        badCode.put("product_code", "FAST_INSTANT_TRADE_PAY");
        assertThat(merchant.post("/alipay/gateway.do", AlipayMerchant.form(merchant.signed("alipay.trade.wap.pay",
                badCode, Map.of()))).body()).contains("ACQ.INVALID_PARAMETER");
    }

    @Test
    void theConsoleShowsAlipayTradesBesideWechatsPayments() {
        String no = AlipayMerchant.newOutTradeNo();
        wapPay(no, "1.00", false);
        String console = merchant.get("/").body();
        assertThat(console).contains("id=\"alipay-trades\"").contains(no).contains("WAIT_BUYER_PAY");
        assertThat(console.indexOf("<h2>Payments</h2>")).isLessThan(console.indexOf("id=\"alipay\""));
    }
}
