package com.changgou.weborder.wxpay;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.order;
import static com.changgou.weborder.Fixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.common.UserHeader;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.points.OrderPoints;
import com.changgou.weborder.points.UserPointsFeign;
import com.changgou.weborder.points.UserServiceClient;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(WxPayController.class)
@Import({OrderServiceClient.class, PayServiceClient.class, Checkout.class, UserServiceClient.class, QrCodes.class,
        Links.class, WebOrderSecurity.class})
class WxPayControllerTest {

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

    @MockitoBean
    private UserPointsFeign userPointsFeign;

    @Test
    void theWxpayPageShowsTheOrderTheQrAndTheTokenOnlyInsideTheScript() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(payFeign.nativePay(ORDER_ID)).willReturn(Result.ok(payment(5_000)));

        String html = mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(WxPayController.VIEW_WXPAY))
                .andExpect(content().string(allOf(
                        containsString("id=\"order-id\">" + ORDER_ID + "<"),
                        containsString("id=\"amount\">50.00<"),
                        containsString("src=\"/api/wxpay/qr?orderId=" + ORDER_ID + "\""),
                        containsString("href=\"http://127.0.0.1:9090/phone?code_url=weixin%3A%2F%2Fwxpay%2Fbizpayurl%3Fpr%3Dabc123\""),
                        containsString("/api/worder/webjars/stomp-websocket/stomp.min.js"),
                        containsString("/api/worder/static/js/push.js"),
                        containsString("/api/worder/static/js/paywait.js"),
                        containsString("/api/worder/static/js/wxpay.js"),
                        containsString("id=\"countdown\""),
                        containsString("id=\"push-status\""),
                        not(containsString("data-token")))))
                .andReturn().getResponse().getContentAsString();
        String markup = html.substring(0, html.indexOf("<script"));
        assertThat(markup).doesNotContain("tok-5f1c0e6a");
        assertThat(html).contains("\"tok-5f1c0e6a\"").contains(String.valueOf(Fixtures.EXPIRE_AT.toEpochMilli()));
    }

    @Test
    void withNoWebStompUrlTheScriptOpensThePushChannelOnTheShopsOwnOrigin() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(payFeign.nativePay(ORDER_ID)).willReturn(Result.ok(payment(5_000)));

        String html = mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("url: \"\",", "path: \"\\/api\\/wxpay\\/push\",", "login: \"webguest\",",
                "destination: \"\\/exchange\\/paynotify.token\"").doesNotContain("15674");
    }

    @Test
    void anotherShoppersOrderIsNotYours() throws Exception {
        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.status(404));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("Not your order")));
        verify(payFeign, never()).nativePay(any());
    }

    @Test
    void theFailPageSignsOutByAPostCarryingTheCsrfTokenToo() throws Exception {
        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.status(404));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory"))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(
                        containsString("<form class=\"logout\" method=\"post\" action=\"/logout\">"),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"))));
    }

    @Test
    void anOrderReturnedForAnotherOwnerIsNotYoursEither() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100)));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not your order")));
        verify(payFeign, never()).nativePay(any());
    }

    @Test
    void aPaidOrderGoesToTheSuccessPage() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 100)));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(redirectedUrl("/api/wxpay/paysuccess?orderId=" + ORDER_ID));
    }

    @Test
    void aClosedOrderIsExplained() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.CLOSED, 100)));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("closed")));
    }

    @Test
    void wechatUnreachableAndPayServiceDownAreTold() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100)));
        given(payFeign.nativePay(ORDER_ID)).willThrow(Fixtures.status(502));
        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(containsString("WeChat Pay cannot be reached")));

        willThrow(Fixtures.connectionRefused()).given(payFeign).nativePay(ORDER_ID);
        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("pay service is down"),
                        not(containsString("Exception")), not(containsString("at com.")))));
    }

    @Test
    void aPayConflictIsExplainedByTheOrdersStateNow() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(
                Result.ok(order(ALICE, OrderStatus.UNPAID, 100)), Result.ok(order(ALICE, OrderStatus.PAID, 100)));
        given(payFeign.nativePay(ORDER_ID)).willThrow(Fixtures.status(409));

        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already paid")));
    }

    @Test
    void theQrImageIsAPngOfTheCodeUrlForTheOwnerOnly() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100)));
        given(payFeign.nativePay(ORDER_ID)).willReturn(Result.ok(payment(100)));

        byte[] png = mvc.perform(get("/wxpay/qr").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo("weixin://wxpay/bizpayurl?pr=abc123");

        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.status(404));
        mvc.perform(get("/wxpay/qr").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStatusJsonComesFromThePayService() throws Exception {
        given(payFeign.status(ORDER_ID))
                .willReturn(Result.ok(new PaymentStatus(ORDER_ID, PayState.SUCCESS, "tok-5f1c0e6a")));

        mvc.perform(get("/wxpay/status").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.state").value("SUCCESS"));

        willThrow(Fixtures.status(503)).given(payFeign).status(ORDER_ID);
        mvc.perform(get("/wxpay/status").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.flag").value(false));
    }

    @Test
    void theSuccessPageShowsTheAmountOfTheOrderNotOfTheUrl() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).param("amount", "0.01")
                        .header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(WxPayController.VIEW_PAYSUCCESS))
                .andExpect(content().string(containsString("id=\"paysuccess-amount\">123.45<")));
    }

    @Test
    void alipaysReturnRendersTheSameReceiptReadFromTheServerWhateverItsParametersSay() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));

        String html = mvc.perform(alipayReturn().header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(WxPayController.VIEW_PAYSUCCESS))
                .andExpect(content().string(allOf(
                        containsString("id=\"order-id\">" + ORDER_ID + "<"),
                        containsString("id=\"paysuccess-amount\">123.45<"),
                        containsString("id=\"transaction-id\">4200000000202601010000000001<"))))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("0.01", "2026010122001499999999999999", "T-elsewhere", "forged-signature");
    }

    @Test
    void alipaysReturnSayingTradeSuccessDoesNotMakeAnUnpaidOrderPaid() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 12_345)));
        given(payFeign.status(ORDER_ID)).willReturn(Result.ok(new PaymentStatus(ORDER_ID, PayState.NOTPAY, "tok")));

        mvc.perform(alipayReturn().param("trade_status", "TRADE_SUCCESS").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("not paid yet")));
    }

    /** Alipay's return_url as its cashier sends the shopper back: our order id plus its own (here tampered) parameters. */
    private static MockHttpServletRequestBuilder alipayReturn() {
        return get("/wxpay/paysuccess").param("orderId", ORDER_ID)
                .param("charset", "utf-8")
                .param("out_trade_no", "T-elsewhere")
                .param("method", "alipay.trade.wap.pay.return")
                .param("total_amount", "0.01")
                .param("sign", "forged-signature")
                .param("trade_no", "2026010122001499999999999999")
                .param("auth_app_id", "2021000000000000")
                .param("version", "1.0")
                .param("app_id", "2021000000000000")
                .param("sign_type", "RSA2")
                .param("seller_id", "2088000000000000")
                .param("timestamp", "2030-01-01 00:05:00");
    }

    @Test
    void theSuccessPageOffersTheCancelAndRefundFormWithTheCsrfFieldAndLinksToTheOrderPage() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<form id=\"cancel-form\" method=\"post\" action=\"/api/worder/order/" + ORDER_ID
                                + "/cancel\">"),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"),
                        containsString("id=\"cancel-refund\""),
                        containsString("id=\"order-link\" href=\"/api/worder/order/" + ORDER_ID + "\""))));
    }

    @Test
    void theSuccessPageSaysWhatTheOrderEarnedOnceThePointsAreIn() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));
        given(userPointsFeign.ofOrder(ORDER_ID)).willReturn(Result.ok(new OrderPoints(ORDER_ID, 123, 0)));

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<p id=\"points-earned\" class=\"points\">This order earned 123 points.</p>"),
                        containsString("id=\"account-link\" href=\"/api/worder/account\""),
                        not(containsString("js/points.js")))));
    }

    @Test
    void beforeThePointsAreInTheSuccessPagePollsForThem() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));
        given(userPointsFeign.ofOrder(ORDER_ID)).willThrow(Fixtures.status(404));

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<p id=\"points-earned\" class=\"points\" hidden data-url=\"/api/worder/order/"
                                + ORDER_ID + "/points\"></p>"),
                        containsString("/api/worder/static/js/points.js"),
                        not(containsString("earned 123")))));
    }

    @Test
    void aFailingUserServiceDoesNotBreakTheSuccessPage() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 12_345)));
        given(userPointsFeign.ofOrder(ORDER_ID)).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(WxPayController.VIEW_PAYSUCCESS))
                .andExpect(content().string(allOf(
                        containsString("id=\"paysuccess-amount\">123.45<"),
                        containsString("id=\"points-earned\""),
                        not(containsString("This order earned")))));

        willThrow(Fixtures.status(500)).given(userPointsFeign).ofOrder(ORDER_ID);
        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk());
    }

    @Test
    void theSuccessPageTrustsThePayServiceWhileTheOrderServiceHasNotCaughtUp() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 12_345)));
        given(payFeign.status(ORDER_ID))
                .willReturn(Result.ok(new PaymentStatus(ORDER_ID, PayState.SUCCESS, "tok")));

        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(WxPayController.VIEW_PAYSUCCESS))
                .andExpect(content().string(containsString("id=\"paysuccess-amount\">123.45<")));
    }

    @Test
    void theSuccessPageRefusesAnUnpaidOrAnotherShoppersOrder() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 100)));
        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("not paid yet")));

        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.status(404));
        mvc.perform(get("/wxpay/paysuccess").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not your order")));
    }

    @Test
    void withoutTheGatewaysTokenNothingIsShownNotEvenForABareUserNameHeader() throws Exception {
        mvc.perform(get("/wxpay").param("orderId", ORDER_ID))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(UserHeader.NAME, ALICE))
                .andExpect(status().isUnauthorized());
        verify(orderFeign, never()).get(any());
    }

    @Test
    void theOrderServiceDownIsTold() throws Exception {
        given(orderFeign.get(ORDER_ID)).willThrow(Fixtures.connectionRefused());
        mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("order service is down")));
    }
}
