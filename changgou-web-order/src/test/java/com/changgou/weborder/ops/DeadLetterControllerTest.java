package com.changgou.weborder.ops;

import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.ops.OpsFixtures.OLGA;
import static com.changgou.weborder.ops.OpsFixtures.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import jakarta.servlet.http.Cookie;
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

@WebMvcTest(DeadLetterController.class)
@Import(OpsSlice.class)
class DeadLetterControllerTest {

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
    void openDeadLettersAreListedWithTheirBodyEscapedAndAFormToRedriveOrDiscardEach() throws Exception {
        given(orderOps.deadLetters(DeadLetterState.OPEN)).willReturn(Result.ok(List.of(OpsFixtures.deadLetter(12, DeadLetterState.OPEN))));

        mvc.perform(get("/ops/dead-letters").header(AUTHORIZATION, OperatorTokens.operator(OLGA))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<nav id=\"ops-nav\">"),
                        containsString("<table id=\"dead-letters\">"),
                        containsString("<tr class=\"dead-letter\" data-id=\"12\" data-order-id=\"" + ORDER_ID
                                + "\" data-state=\"OPEN\">"),
                        containsString("<td class=\"queue\">order.pay.result</td>"),
                        containsString("<td class=\"reason\">amount 4999 does not match the order&#39;s 5000</td>"),
                        containsString("&lt;script&gt;x&lt;/script&gt;"),
                        containsString("href=\"/api/ops/orders/" + ORDER_ID + "\""),
                        containsString("<form class=\"redrive\" method=\"post\" action=\"/api/ops/dead-letters/12/redrive\">"),
                        containsString("<form class=\"discard\" method=\"post\" action=\"/api/ops/dead-letters/12/discard\">"),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"),
                        containsString("name=\"reason\" required"),
                        containsString("<button type=\"submit\">Re-drive</button>"),
                        not(containsString("<script>x</script>")),
                        not(containsString("id=\"flash\"")))));
    }

    @Test
    void decidedDeadLettersShowWhoDecidedAndWhyButNoForms() throws Exception {
        given(orderOps.deadLetters(DeadLetterState.DISCARDED))
                .willReturn(Result.ok(List.of(OpsFixtures.deadLetter(7, DeadLetterState.DISCARDED))));

        mvc.perform(get("/ops/dead-letters?state=DISCARDED").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-id=\"7\""),
                        containsString("data-state=\"DISCARDED\""),
                        containsString("duplicate of the paid result"),
                        containsString("aria-current=\"page\" data-state=\"DISCARDED\""),
                        not(containsString("class=\"redrive\"")))));
    }

    @Test
    void aRedriveCallsTheOrderServiceWithTheReasonAndTheListThenSaysItApplied() throws Exception {
        given(orderOps.redrive(anyLong(), any())).willReturn(Result.ok(OpsFixtures.deadLetter(12, DeadLetterState.REDRIVEN)));

        MockHttpServletResponse posted = mvc.perform(post("/ops/dead-letters/12/redrive")
                        .header(AUTHORIZATION, OperatorTokens.operator(OLGA)).param("reason", "  order fixed by hand  "))
                .andExpect(redirectedUrl("/api/ops/dead-letters"))
                .andReturn().getResponse();

        verify(orderOps).redrive(12L, new OperatorDecision("order fixed by hand"));
        assertThat(posted.getHeader("Set-Cookie")).startsWith(FlashCookie.NAME + "=").contains("Path=/api/ops", "HttpOnly",
                "SameSite=Strict");

        given(orderOps.deadLetters(DeadLetterState.OPEN)).willReturn(Result.ok(List.of()));
        MockHttpServletResponse shown = mvc.perform(get("/ops/dead-letters").header(AUTHORIZATION, OperatorTokens.operator(OLGA))
                        .cookie(flashOf(posted)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<p id=\"flash\" class=\"done\" role=\"status\">Dead letter 12 re-driven: applied</p>")))
                .andReturn().getResponse();
        assertThat(shown.getHeader("Set-Cookie")).startsWith(FlashCookie.NAME + "=;").contains("Max-Age=0");
    }

    @Test
    void aRedriveRejectedAgainSaysSoWithTheNewReason() throws Exception {
        DeadLetterView stillOpen = new DeadLetterView(12, "order.pay.result", "msg-12", "PayResult", ORDER_ID,
                "order 1864000000000000001 is CLOSED", "{}", DeadLetterState.OPEN, 1, OpsFixtures.AT, null, null, null);
        given(orderOps.redrive(anyLong(), any())).willReturn(Result.ok(stillOpen));

        String flash = flashAfter(post("/ops/dead-letters/12/redrive").param("reason", "try again"));

        assertThat(flash).contains("class=\"warning\"", "Dead letter 12 still rejected: order 1864000000000000001 is CLOSED");
    }

    @Test
    void aRefusalOfTheOrderServiceIsShownAsAnErrorFlash() throws Exception {
        given(orderOps.discard(anyLong(), any())).willThrow(Fixtures.status(409,
                "{\"flag\":false,\"code\":20001,\"message\":\"dead letter 12 is REDRIVEN, not OPEN\",\"data\":null}"));

        String flash = flashAfter(post("/ops/dead-letters/12/discard").param("reason", "junk"));

        assertThat(flash).contains("class=\"error\"", "Dead letter 12 was not discarded: dead letter 12 is REDRIVEN, not OPEN");
    }

    @Test
    void anActionWithoutAReasonIsRefusedHereAndNeverReachesTheOrderService() throws Exception {
        String flash = flashAfter(post("/ops/dead-letters/12/discard").param("reason", "  "));

        assertThat(flash).contains("class=\"error\"", "Dead letter 12 was not discarded: Nothing was done: say why");
        verify(orderOps, never()).discard(anyLong(), any());
    }

    @Test
    void aShopperIsForbiddenTheListAndTheActions() throws Exception {
        mvc.perform(get("/ops/dead-letters").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ops/dead-letters/12/redrive").header(AUTHORIZATION, TestTokens.shopper("alice"))
                        .param("reason", "let me in"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ops/dead-letters/12/discard").header(AUTHORIZATION, TestTokens.shopper("alice"))
                        .param("reason", "let me in"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ops/dead-letters")).andExpect(status().isUnauthorized());

        verify(orderOps, never()).deadLetters(any());
        verify(orderOps, never()).redrive(anyLong(), any());
        verify(orderOps, never()).discard(anyLong(), any());
    }

    /** Posts the action as an operator, then shows the list with the flash cookie it set; returns the flash's markup. */
    private String flashAfter(MockHttpServletRequestBuilder action) throws Exception {
        MockHttpServletResponse posted = mvc.perform(action.header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(redirectedUrl("/api/ops/dead-letters"))
                .andReturn().getResponse();
        given(orderOps.deadLetters(DeadLetterState.OPEN)).willReturn(Result.ok(List.of()));
        String page = mvc.perform(get("/ops/dead-letters").header(AUTHORIZATION, OperatorTokens.operator(OLGA))
                        .cookie(flashOf(posted)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("<p id=\"flash\"");
        assertThat(start).as("a flash on the page").isNotNegative();
        return page.substring(start, page.indexOf("</p>", start));
    }

    static Cookie flashOf(MockHttpServletResponse response) {
        String header = response.getHeader("Set-Cookie");
        assertThat(header).as("the flash cookie").isNotNull().startsWith(FlashCookie.NAME + "=");
        return new Cookie(FlashCookie.NAME, header.substring(FlashCookie.NAME.length() + 1).split(";", 2)[0]);
    }
}
