package com.changgou.weborder.ops;

import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.ops.OpsFixtures.OLGA;
import static com.changgou.weborder.ops.OpsFixtures.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.common.ops.OperatorDecision;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(RefundAttentionController.class)
@Import(OpsSlice.class)
class RefundAttentionControllerTest {

    static final String CHANGE = "1900000000000000011";
    static final String REFUSED = "1900000000000000012";

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
    void refundsWaitingForAPersonAreListedAChangeIsApprovedTheOthersRetried() throws Exception {
        given(orderOps.refundsNeedingAttention()).willReturn(Result.ok(List.of(
                OpsFixtures.attention(CHANGE, RefundKind.SHOPPER_CANCEL, OrderRefundState.CHANGE),
                OpsFixtures.attention(REFUSED, RefundKind.PAID_AFTER_CLOSE, OrderRefundState.REFUSED))));

        String page = mvc.perform(get("/ops/refunds").header(AUTHORIZATION, OperatorTokens.operator(OLGA))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<table id=\"refunds-attention\">"),
                        containsString("<tr class=\"refund-attention\" data-refund-id=\"" + CHANGE + "\" data-order-id=\""
                                + ORDER_ID + "\" data-state=\"CHANGE\">"),
                        containsString("<td class=\"kind\">PAID_AFTER_CLOSE</td>"),
                        containsString("<td class=\"num amount\">25.00</td>"),
                        containsString("WeChat could not return the money to the card"),
                        containsString("<form class=\"approve\" method=\"post\" action=\"/api/ops/refunds/" + CHANGE + "/approve\">"),
                        containsString("<form class=\"retry\" method=\"post\" action=\"/api/ops/refunds/" + REFUSED + "/retry\">"),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/api/ops/refunds/" + REFUSED + "/approve")
                .as("a CHANGE refund is approved, never asked twice").doesNotContain("/api/ops/refunds/" + CHANGE + "/retry");
    }

    @Test
    void approvingTellsTheOrderServiceWhyAndSaysWhereTheRefundNowStands() throws Exception {
        given(orderOps.approve(any(), any())).willReturn(Result.ok(
                OpsFixtures.attention(CHANGE, RefundKind.SHOPPER_CANCEL, OrderRefundState.SUCCESS)));

        String flash = flashAfter(post("/ops/refunds/" + CHANGE + "/approve").param("reason", "paid back by bank transfer"));

        verify(orderOps).approve(CHANGE, new OperatorDecision("paid back by bank transfer"));
        assertThat(flash).contains("class=\"done\"", "Refund " + CHANGE + " approved: now SUCCESS");
    }

    @Test
    void aRetryTheOrderServiceRefusesIsAnErrorFlashWithItsReason() throws Exception {
        given(orderOps.retry(any(), any())).willThrow(Fixtures.status(409,
                "{\"flag\":false,\"code\":20001,\"message\":\"refund is SUCCESS: nothing to retry\",\"data\":null}"));

        String flash = flashAfter(post("/ops/refunds/" + REFUSED + "/retry").param("reason", "card unfrozen"));

        assertThat(flash).contains("class=\"error\"", "Refund " + REFUSED + " was not asked for again: refund is SUCCESS: nothing to retry");
    }

    @Test
    void aShopperIsForbiddenTheRefundsAndTheirActions() throws Exception {
        mvc.perform(get("/ops/refunds").header(AUTHORIZATION, TestTokens.shopper("alice"))).andExpect(status().isForbidden());
        mvc.perform(post("/ops/refunds/" + CHANGE + "/approve").header(AUTHORIZATION, TestTokens.shopper("alice"))
                .param("reason", "give it to me")).andExpect(status().isForbidden());
        mvc.perform(post("/ops/refunds/" + CHANGE + "/retry").header(AUTHORIZATION, TestTokens.shopper("alice"))
                .param("reason", "give it to me")).andExpect(status().isForbidden());

        verify(orderOps, never()).approve(any(), any());
        verify(orderOps, never()).retry(any(), any());
    }

    private String flashAfter(MockHttpServletRequestBuilder action) throws Exception {
        MockHttpServletResponse posted = mvc.perform(action.header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(redirectedUrl("/api/ops/refunds"))
                .andReturn().getResponse();
        given(orderOps.refundsNeedingAttention()).willReturn(Result.ok(List.of()));
        String page = mvc.perform(get("/ops/refunds").header(AUTHORIZATION, OperatorTokens.operator(OLGA))
                        .cookie(DeadLetterControllerTest.flashOf(posted)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("<p id=\"flash\"");
        assertThat(start).as("a flash on the page").isNotNegative();
        return page.substring(start, page.indexOf("</p>", start));
    }
}
