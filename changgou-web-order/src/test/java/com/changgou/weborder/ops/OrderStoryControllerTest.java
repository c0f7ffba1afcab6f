package com.changgou.weborder.ops;

import static com.changgou.weborder.ops.OpsFixtures.OLGA;
import static com.changgou.weborder.ops.OpsFixtures.ORDER_ID;
import static com.changgou.weborder.ops.OpsFixtures.OUT_TRADE_NO;
import static com.changgou.weborder.ops.OpsFixtures.REFUND_ID;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.Result;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrderStoryController.class)
@Import(OpsSlice.class)
class OrderStoryControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private OrderOpsFeign orderOps;

    @MockitoBean
    private PayOpsFeign payOps;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void theWholeStoryOfAnOrderShowsWhatTheOrderAndPayServicesKnow() throws Exception {
        given(orderOps.story(ORDER_ID)).willReturn(Result.ok(OpsFixtures.orderStory()));
        given(payOps.find(ORDER_ID, null, null, null)).willReturn(Result.ok(List.of(OpsFixtures.payment(PayState.SUCCESS))));
        given(payOps.story(OUT_TRADE_NO)).willReturn(Result.ok(OpsFixtures.paymentStory()));

        mvc.perform(get("/ops/orders/" + ORDER_ID).header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<section id=\"order-summary\" data-status=\"PARTIALLY_REFUNDED\""),
                        containsString("<dd id=\"order-owner\">alice</dd>"),
                        containsString("<span id=\"order-total\">50.00</span>"),
                        containsString("Changgou mug"),
                        containsString("<tr class=\"refund\" data-id=\"" + REFUND_ID + "\" data-state=\"SUCCESS\">"),
                        containsString("<table id=\"order-log\" class=\"log\">"),
                        containsString("broken handle"),
                        containsString("<table id=\"order-events\" class=\"outbox\">"),
                        containsString("<table id=\"order-dead-letters\">"),
                        containsString("<table id=\"operator-actions\">"),
                        containsString("duplicate of the paid result"))))
                .andExpect(content().string(allOf(
                        containsString("<section class=\"pay-record\" data-out-trade-no=\"" + OUT_TRADE_NO
                                + "\" data-channel=\"WECHAT\" data-state=\"SUCCESS\">"),
                        containsString("<table class=\"log pay-log\">"),
                        containsString("<table class=\"notifications\">"),
                        containsString("<tr class=\"notification\" data-verdict=\"ACCEPTED\" data-reason=\"\""),
                        containsString("<tr class=\"notification\" data-verdict=\"DUPLICATE\""),
                        containsString("<tr class=\"notification\" data-verdict=\"REFUSED\" data-reason=\"bad_signature\""),
                        containsString("trace-5b8aa5a2d2c872e8321cf37308d69df2"),
                        containsString("<tr class=\"outbox-message\" data-state=\"NEW\" data-id=\"m-2\">"),
                        containsString("<table class=\"refunds\">"),
                        containsString("data-out-refund-no=\"" + REFUND_ID + "\" data-state=\"SUCCESS\""),
                        containsString("<tr class=\"refund-log\" data-to-state=\"PROCESSING\">"),
                        containsString("refund notification"))));
    }

    @Test
    void anUnknownOrderIsSaidToBeUnknownWith404() throws Exception {
        given(orderOps.story("404404")).willThrow(Fixtures.status(404));

        mvc.perform(get("/ops/orders/404404").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(
                        containsString("<p id=\"ops-error\" class=\"error\">The order service knows of no order 404404.</p>"),
                        containsString("<nav id=\"ops-nav\">"))));
        verify(payOps, never()).find(any(), any(), any(), any());
    }

    @Test
    void theOrdersPartStandsWhenThePayServiceIsDown() throws Exception {
        given(orderOps.story(ORDER_ID)).willReturn(Result.ok(OpsFixtures.orderStory()));
        given(payOps.find(ORDER_ID, null, null, null)).willThrow(Fixtures.status(503));

        mvc.perform(get("/ops/orders/" + ORDER_ID).header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-status=\"PARTIALLY_REFUNDED\""),
                        containsString("<p id=\"pay-unavailable\" class=\"error\">The pay service is unavailable (status 503)."))));
    }

    @Test
    void aShopperIsForbiddenAnOrdersStory() throws Exception {
        mvc.perform(get("/ops/orders/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());

        verify(orderOps, never()).story(any());
    }
}
