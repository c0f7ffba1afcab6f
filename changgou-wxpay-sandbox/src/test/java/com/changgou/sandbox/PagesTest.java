package com.changgou.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.support.WxClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SandboxTest
class PagesTest {

    @LocalServerPort
    int port;
    WxClient wx;

    @BeforeEach
    void client() {
        wx = new WxClient(port);
    }

    @Test
    void thePhonePageShowsTheOrderAndItsPayButtonPays() {
        String no = WxClient.newOutTradeNo();
        String codeUrl = wx.call("/pay/unifiedorder",
                WxClient.unifiedOrderFields(no, 12345, "http://127.0.0.1:1/notify")).get("code_url");
        String encoded = URLEncoder.encode(codeUrl, StandardCharsets.UTF_8);

        HttpResponse<String> page = wx.get("/phone?code_url=" + encoded);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("畅购-测试商品").contains("123.45").contains("id=\"pay\"")
                .contains("id=\"fail\"").doesNotContain("http://cdn").doesNotContain("https://");

        HttpResponse<String> pressed = wx.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/phone/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code_url=" + encoded + "&outcome=PAY")));
        assertThat(pressed.statusCode()).isEqualTo(302);
        String location = pressed.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("result=SUCCESS").contains("code_url=").doesNotContain("jsessionid");
        assertThat(wx.send(HttpRequest.newBuilder(URI.create(location)).GET()).body())
                .contains("Paid.").contains("SUCCESS");
        assertThat(wx.call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void thePhonePageSaysSoForAnUnknownCode() {
        HttpResponse<String> page = wx.get("/phone?code_url=weixin%3A%2F%2Fwxpay%2Fbizpayurl%3Fpr%3Dnope");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No order has this code_url").doesNotContain("id=\"pay\"");
    }

    @Test
    void theConsoleListsTheNewestOrdersFirst() {
        String older = WxClient.newOutTradeNo();
        String newer = WxClient.newOutTradeNo();
        wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(older, 1, "http://127.0.0.1:1/notify"));
        wx.call("/pay/unifiedorder", WxClient.unifiedOrderFields(newer, 1, "http://127.0.0.1:1/notify"));
        String console = wx.get("/").body();
        assertThat(console).contains(older).contains(newer);
        assertThat(console.indexOf(newer)).isLessThan(console.indexOf(older));
        assertThat(console).contains("<th>queries</th>");
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> health = wx.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }
}
