package com.changgou.weborder.order;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import com.changgou.weborder.wxpay.PayServiceClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrderPageController.class)
@Import({OrderServiceClient.class, PayServiceClient.class, Links.class, WebOrderSecurity.class})
class OrderPageControllerTest {

    static final Instant AT = Instant.parse("2030-01-01T00:10:00Z");
    static final RefundLine HALF = new RefundLine("1900000000000000001", 2_500, RefundKind.OPERATOR,
            OrderRefundState.SUCCESS, null, AT, AT);
    static final RefundLine REST = new RefundLine("1900000000000000002", 2_500, RefundKind.SHOPPER_CANCEL,
            OrderRefundState.SUBMITTED, null, AT, AT);

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
    void aPaidOrdersPageOffersTheCancelFormWithTheCsrfFieldAndKeepsTheTokenInsideTheScript() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(Fixtures.order(ALICE, OrderStatus.PAID, 5_000)));
        given(payFeign.status(ORDER_ID)).willReturn(Result.ok(new PaymentStatus(ORDER_ID, PayState.SUCCESS, "tok-5f1c0e6a")));

        String html = mvc.perform(get("/worder/order/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(view().name(OrderPageController.VIEW_ORDER))
                .andExpect(content().string(allOf(
                        containsString("action=\"/api/worder/order/" + ORDER_ID + "/cancel\""),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"),
                        containsString("id=\"cancel-refund\""),
                        containsString("id=\"order-status\" class=\"code\">PAID<"),
                        containsString("id=\"order-status-text\">Paid<"),
                        containsString("id=\"refunds\""),
                        containsString("/api/worder/static/js/push.js"),
                        containsString("/api/worder/static/js/order.js"),
                        containsString("\"\\/api\\/worder\\/order\\/" + ORDER_ID + "\\/state\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.substring(0, html.indexOf("<script"))).doesNotContain("tok-5f1c0e6a")
                .doesNotContain("<form id=\"cancel-form\" method=\"post\" action=\"/api/worder/order/" + ORDER_ID
                        + "/cancel\" hidden");
        assertThat(html).contains("\"tok-5f1c0e6a\"");
    }

    @Test
    void theRefundsAreListedInYuanWithTheirStatesAndARefundingOrderOffersNoCancel() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(withRefunds(OrderStatus.REFUNDING, HALF, REST)));
        given(payFeign.status(ORDER_ID)).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/worder/order/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"order-status\" class=\"code\">REFUNDING<"),
                        containsString("<tr class=\"refund\" data-state=\"SUCCESS\" data-id=\"" + HALF.id() + "\">"),
                        containsString("<tr class=\"refund\" data-state=\"SUBMITTED\" data-id=\"" + REST.id() + "\">"),
                        containsString(">25.00<"),
                        containsString("hidden=\"hidden\""),
                        not(containsString("2500")))));
    }

    @Test
    void theStateJsonIsTheOwnersAndItsAmountsAreInYuan() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(withRefunds(OrderStatus.PARTIALLY_REFUNDED, HALF)));

        mvc.perform(get("/worder/order/" + ORDER_ID + "/state").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.status").value("PARTIALLY_REFUNDED"))
                .andExpect(jsonPath("$.data.statusText").value("Partially refunded"))
                .andExpect(jsonPath("$.data.cancellable").value(true))
                .andExpect(jsonPath("$.data.refunds[0].amountYuan").value("25.00"))
                .andExpect(jsonPath("$.data.refunds[0].state").value("SUCCESS"));

        mvc.perform(get("/worder/order/" + ORDER_ID + "/state").header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false));
    }

    @Test
    void cancellingPostsToTheOrderServiceAndRedirectsToTheOrderPage() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(Fixtures.order(ALICE, OrderStatus.PAID, 5_000)));
        given(orderFeign.cancel(ORDER_ID)).willReturn(Result.ok(REST));

        mvc.perform(post("/worder/order/" + ORDER_ID + "/cancel").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(redirectedUrl("/api/worder/order/" + ORDER_ID));
        verify(orderFeign).cancel(ORDER_ID);
    }

    @Test
    void anotherShoppersOrderCannotBeSeenOrCancelled() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(Fixtures.order(ALICE, OrderStatus.PAID, 5_000)));

        mvc.perform(post("/worder/order/" + ORDER_ID + "/cancel").header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("Not your order")));
        mvc.perform(get("/worder/order/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound());
        verify(orderFeign, never()).cancel(any());
    }

    @Test
    void aCancelRefusedByPolicyShowsTheFailPageWithThePlainReason() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(Fixtures.order(ALICE, OrderStatus.PAID, 5_000)));
        given(orderFeign.cancel(ORDER_ID)).willThrow(Fixtures.status(409, """
                {"flag":false,"code":20001,"message":"order %s was paid more than 7 days ago: it can no longer be \
                cancelled for a refund","data":null}""".formatted(ORDER_ID)));

        mvc.perform(post("/worder/order/" + ORDER_ID + "/cancel").header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isConflict())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(
                        containsString("This order cannot be cancelled for a refund."),
                        containsString("was paid more than 7 days ago: it can no longer be cancelled for a refund"),
                        containsString("href=\"/api/worder/order/" + ORDER_ID + "\""),
                        not(containsString("Exception")))));
    }

    @Test
    void anUnpaidOrderHasNoOrderPageYetButItsPayPage() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(Fixtures.order(ALICE, OrderStatus.UNPAID, 5_000)));

        mvc.perform(get("/worder/order/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(redirectedUrl("/api/worder/pay?orderId=" + ORDER_ID));
    }

    private static OrderView withRefunds(OrderStatus status, RefundLine... refunds) {
        OrderView o = Fixtures.order(ALICE, status, 5_000);
        return new OrderView(o.id(), o.username(), o.totalNum(), o.totalMoneyFen(), o.payMoneyFen(), o.status(),
                "4200000000202601010000000001", o.createTime(), o.expireAt(), o.payTime(), o.closeTime(), o.items(),
                List.of(refunds));
    }
}
