package com.changgou.weborder.ops;

import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.ops.OpsFixtures.OLGA;
import static com.changgou.weborder.ops.OpsFixtures.ORDER_ID;
import static com.changgou.weborder.ops.OpsFixtures.OUT_TRADE_NO;
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

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SearchController.class)
@Import(OpsSlice.class)
class SearchControllerTest {

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
    void theFrontPageOffersTheSearchAndListsRefusedNotificationsThatNamedNoPayRecord() throws Exception {
        given(payOps.unmatchedNotifications()).willReturn(Result.ok(List.of(
                OpsFixtures.notification(43, "REFUSED", "bad_signature", "5b8aa5a2d2c872e8321cf37308d69df2"))));

        mvc.perform(get("/ops").header(AUTHORIZATION, OperatorTokens.operator(OLGA)).header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<nav id=\"ops-nav\">"),
                        containsString("href=\"/api/ops/dead-letters\""),
                        containsString("href=\"/api/ops/refunds\""),
                        containsString("href=\"/api/ops/live\""),
                        containsString("<span id=\"ops-operator\">olga</span>"),
                        containsString("<form id=\"ops-search\" class=\"search\" method=\"get\" action=\"/api/ops/payments\">"),
                        containsString("name=\"orderId\""),
                        containsString("name=\"transactionId\""),
                        containsString("<input type=\"datetime-local\" name=\"from\""),
                        containsString("<input type=\"datetime-local\" name=\"to\""),
                        containsString("id=\"ops-search-go\""),
                        containsString("<table id=\"unmatched-notifications\" class=\"notifications\">"),
                        containsString("<tr class=\"notification\" data-verdict=\"REFUSED\" data-reason=\"bad_signature\""),
                        containsString("5b8aa5a2d2c872e8321cf37308d69df2"),
                        containsString("/api/worder/static/css/ops.css"))));
    }

    @Test
    void theSearchStillWorksWhenThePayServiceCannotListNotifications() throws Exception {
        given(payOps.unmatchedNotifications()).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/ops").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"ops-search\""),
                        containsString("id=\"unmatched-unavailable\""),
                        containsString("The pay service is unavailable (no answer). Try again shortly."))));
    }

    @Test
    void aSearchByOrderIdListsEveryMatchEvenASingleOneWithALinkToItsStory() throws Exception {
        given(payOps.find(ORDER_ID, null, null, null)).willReturn(Result.ok(List.of(OpsFixtures.payment(PayState.SUCCESS))));

        mvc.perform(get("/ops/payments").param("orderId", " " + ORDER_ID + " ").param("transactionId", "")
                        .param("from", "").param("to", "").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<table id=\"payments\">"),
                        containsString("<tr class=\"payment\" data-order-id=\"" + ORDER_ID + "\" data-out-trade-no=\""
                                + OUT_TRADE_NO + "\" data-state=\"SUCCESS\">"),
                        containsString("<a class=\"story\" href=\"/api/ops/orders/" + ORDER_ID + "\">"),
                        containsString("<td class=\"num amount\">50.00</td>"),
                        containsString("value=\" " + ORDER_ID + " \""))));
    }

    @Test
    void aTimeRangeIsReadInTheServersZone() throws Exception {
        given(payOps.find(any(), any(), any(), any())).willReturn(Result.ok(List.of()));

        mvc.perform(get("/ops/payments").param("from", "2030-01-01T08:00").param("to", "2030-01-01T09:30:15")
                        .header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-payments\"")));

        ZoneId zone = ZoneId.systemDefault();
        verify(payOps).find(null, null, LocalDateTime.parse("2030-01-01T08:00").atZone(zone).toInstant(),
                LocalDateTime.parse("2030-01-01T09:30:15").atZone(zone).toInstant());
    }

    @Test
    void aBlankSearchShowsTheFormAgainWithAPlainMessageAndAsksNobody() throws Exception {
        mvc.perform(get("/ops/payments").param("orderId", "  ").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"ops-search\""),
                        containsString("<p id=\"ops-error\" class=\"error\">Say what to look for: an order id, a transaction id, "
                                + "or a time range.</p>"))));
        mvc.perform(get("/ops/payments").param("from", "yesterday").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;From&quot; is not a date and time.")));

        verify(payOps, never()).find(any(), any(), any(), any());
    }

    @Test
    void aShopperIsForbiddenTheSearch() throws Exception {
        mvc.perform(get("/ops").header(AUTHORIZATION, TestTokens.shopper("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/ops/payments").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());

        verify(payOps, never()).find(any(), any(), any(), any());
        verify(payOps, never()).unmatchedNotifications();
    }
}
