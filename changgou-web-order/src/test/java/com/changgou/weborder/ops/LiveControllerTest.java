package com.changgou.weborder.ops;

import static com.changgou.weborder.ops.OpsFixtures.AT;
import static com.changgou.weborder.ops.OpsFixtures.OLGA;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.Result;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.ops.LiveView;
import com.changgou.pay.api.ops.MinuteCounts;
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

@WebMvcTest(LiveController.class)
@Import(OpsSlice.class)
class LiveControllerTest {

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
    void theLivePageHasItsThreeChartsAndLoadsEChartsAndItsScriptFromTheAppsOwnOrigin() throws Exception {
        mvc.perform(get("/ops/live").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<main id=\"ops-live\" class=\"ops live\" data-url=\"/api/ops/live.json\">"),
                        containsString("<div id=\"chart-payments\" class=\"chart\"></div>"),
                        containsString("<div id=\"chart-refusals\" class=\"chart\"></div>"),
                        containsString("<div id=\"chart-outbox\" class=\"chart\"></div>"),
                        containsString("id=\"live-updated\""),
                        containsString("<script src=\"/api/worder/webjars/echarts/dist/echarts.min.js\"></script>"),
                        containsString("<script src=\"/api/worder/static/js/ops-live.js\"></script>"))));
    }

    @Test
    void theScriptsAndStylesTheConsoleLoadsAreServed() throws Exception {
        mvc.perform(get("/worder/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/worder/static/js/ops-live.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("dataset.rendered = 'true'"),
                        containsString("dataset.points"), containsString("live-updated"))));
        mvc.perform(get("/worder/static/css/ops.css")).andExpect(status().isOk());
    }

    @Test
    void theLiveJsonIsThePayServicesLastHour() throws Exception {
        given(payOps.live(60)).willReturn(Result.ok(new LiveView(AT,
                List.of(new MinuteCounts(AT.minusSeconds(60), 3, 2, 0), new MinuteCounts(AT, 5, 4, 7)), 12, 31)));

        mvc.perform(get("/ops/live.json").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.minutes.length()").value(2))
                .andExpect(jsonPath("$.data.minutes[1].started").value(5))
                .andExpect(jsonPath("$.data.minutes[1].refused").value(7))
                .andExpect(jsonPath("$.data.minutes[1].minute").value("2030-01-01T00:10:00Z"))
                .andExpect(jsonPath("$.data.outboxBacklog").value(12))
                .andExpect(jsonPath("$.data.outboxOldestAgeSeconds").value(31));
    }

    @Test
    void aPayServiceThatCannotAnswerIsAPlainReasonInTheEnvelope() throws Exception {
        given(payOps.live(60)).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/ops/live.json").header(AUTHORIZATION, OperatorTokens.operator(OLGA)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("The pay service is unavailable (no answer). Try again shortly."));
    }

    @Test
    void aShopperIsForbiddenTheLivePageAndItsJson() throws Exception {
        mvc.perform(get("/ops/live").header(AUTHORIZATION, TestTokens.shopper("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/ops/live.json").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());

        verify(payOps, never()).live(anyInt());
    }
}
