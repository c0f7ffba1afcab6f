package com.changgou.weborder.alipay;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.alipayPayment;
import static com.changgou.weborder.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.HttpHeaders.USER_AGENT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import com.changgou.weborder.wxpay.Checkout;
import com.changgou.weborder.wxpay.PayServiceClient;
import com.changgou.weborder.wxpay.QrCodes;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = AlipayController.class, properties = "shop.public-url=https://shop.example.com/")
@Import({OrderServiceClient.class, PayServiceClient.class, Checkout.class, QrCodes.class, Links.class,
        WebOrderSecurity.class})
class AlipayControllerTest {

    static final String GO_URL = "https://shop.example.com/api/pay/alipay/go/tok-5f1c0e6a";
    static final String PC = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";
    static final Pattern QR_SRC = Pattern.compile("id=\"alipay-qr\" class=\"qr\" src=\"data:image/png;base64,([^\"]+)\"");

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @MockitoBean
    private OrderFeign orderFeign;

    @MockitoBean
    private PayFeign payFeign;

    @MockitoBean
    private AlipayFeign alipayFeign;

    @Test
    void onAPcThePageShowsAQrCodeOfTheMerchantsGoUrlTheOrderTheAmountAndTheLiveStatus() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(alipayFeign.wap(ORDER_ID)).willReturn(Result.ok(alipayPayment(5_000)));

        String html = mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).param("amount", "0.01")
                        .header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(USER_AGENT, PC))
                .andExpect(status().isOk())
                .andExpect(view().name(AlipayController.VIEW_ALIPAY))
                .andExpect(content().string(allOf(
                        containsString("id=\"order-id\">" + ORDER_ID + "<"),
                        containsString("id=\"amount\">50.00<"),
                        containsString("id=\"countdown\""),
                        containsString("id=\"push-status\""),
                        containsString("<a id=\"alipay-go\" class=\"primary\" href=\"" + GO_URL + "\">Pay on this device</a>"),
                        containsString("/api/worder/webjars/stomp-websocket/stomp.min.js"),
                        containsString("/api/worder/static/js/push.js"),
                        containsString("/api/worder/static/js/paywait.js"),
                        containsString("/api/worder/static/js/alipay.js"),
                        not(containsString("id=\"amount\">0.01<")))))
                .andReturn().getResponse().getContentAsString();

        assertThat(qrCodeIn(html)).isEqualTo(GO_URL);
        assertThat(html).contains("window.ALIPAY", "token: \"tok-5f1c0e6a\"",
                "statusUrl: \"\\/api\\/wxpay\\/status?orderId=" + ORDER_ID + "\"",
                "successUrl: \"\\/api\\/wxpay\\/paysuccess?orderId=" + ORDER_ID + "\"",
                "destination: \"\\/exchange\\/paynotify.token\"",
                "expireAt: " + Fixtures.EXPIRE_AT.toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"})
    void aPhoneCannotScanItsOwnScreenSoItIsSentStraightToTheGoUrl(String phone) throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(alipayFeign.wap(ORDER_ID)).willReturn(Result.ok(alipayPayment(5_000)));

        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID)
                        .header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(USER_AGENT, phone))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(GO_URL));
    }

    @Test
    void directAsksForTheGoUrlOnAPcToo() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(alipayFeign.wap(ORDER_ID)).willReturn(Result.ok(alipayPayment(5_000)));

        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).param("direct", "1")
                        .header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(USER_AGENT, PC))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(GO_URL));
    }

    @Test
    void anotherShoppersOrderIsNotYoursAndNoPaymentIsStarted() throws Exception {
        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.status(404));
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("Not your order")));

        willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100))).given(orderFeign).get(ORDER_ID);
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).param("direct", "1")
                        .header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not your order")));

        verify(alipayFeign, never()).wap(any());
    }

    @Test
    void aPaidOrderGoesToItsReceiptAndAClosedOneIsExplained() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 100)));
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(redirectedUrl("/api/wxpay/paysuccess?orderId=" + ORDER_ID));

        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.CLOSED, 100)));
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("closed")));
        verify(alipayFeign, never()).wap(any());
    }

    @Test
    void aPayConflictIsExplainedByTheOrdersStateNow() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(
                Result.ok(order(ALICE, OrderStatus.UNPAID, 100)), Result.ok(order(ALICE, OrderStatus.PAID, 100)));
        given(alipayFeign.wap(ORDER_ID)).willThrow(Fixtures.status(409));

        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("already paid")));
    }

    @Test
    void payServiceErrorsEndOnTheFailPageWithAPlainReason() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100)));

        given(alipayFeign.wap(ORDER_ID)).willThrow(Fixtures.status(500,
                "{\"flag\":false,\"code\":" + StatusCode.REMOTEERROR + ",\"message\":\"alipay down\"}"));
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isBadGateway())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(containsString("Alipay cannot be reached"),
                        not(containsString("WeChat Pay cannot")))));

        willThrow(Fixtures.status(503)).given(alipayFeign).wap(ORDER_ID);
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("pay service is down")));

        willThrow(Fixtures.connectionRefused()).given(alipayFeign).wap(ORDER_ID);
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .header(USER_AGENT, "iPhone"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(containsString("pay service is down"),
                        not(containsString("Exception")), not(containsString("at com.")))));

        willThrow(Fixtures.status(404)).given(alipayFeign).wap(ORDER_ID);
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("no such order")));
    }

    @Test
    void aMalformedOrderIdAndNoTokenShowNothing() throws Exception {
        mvc.perform(get("/wxpay/alipay").param("orderId", "../../x").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("no such order")));
        mvc.perform(get("/wxpay/alipay").param("orderId", ORDER_ID))
                .andExpect(status().isUnauthorized());
        verify(orderFeign, never()).get(any());
        verify(alipayFeign, never()).wap(any());
    }

    private static String qrCodeIn(String html) throws Exception {
        Matcher src = QR_SRC.matcher(html);
        assertThat(src.find()).as("the page has an inline PNG QR code").isTrue();
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.group(1))));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }
}
