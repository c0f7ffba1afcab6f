package com.changgou.user.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.StatusCode;
import com.changgou.security.TestTokens;
import com.changgou.user.points.OrderPointsNotFoundException;
import com.changgou.user.points.OrderPointsView;
import com.changgou.user.points.Points;
import com.changgou.user.points.PointsAccountView;
import com.changgou.user.points.PointsEntryView;
import com.changgou.user.points.PointsKind;
import com.changgou.user.security.UserSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The points API: the shopper's own points, on the gateway's token forwarded for them, and nobody else's. */
@WebMvcTest(PointsController.class)
@Import(UserSecurity.class)
class PointsControllerTest {

    static final String POINTS = "/internal/user/points";
    static final String ORDER_ID = "1864000000000000001";
    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Points points;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestTokens.register(registry, TestTokens.GATEWAY);
    }

    @Test
    void theShopperReadsTheirBalanceAndLatestEntries() throws Exception {
        given(points.account("alice")).willReturn(new PointsAccountView(30, List.of(
                new PointsEntryView(ORDER_ID, PointsKind.TAKEN_BACK, 20, 2_000, AT),
                new PointsEntryView(ORDER_ID, PointsKind.EARNED, 50, 5_000, AT))));

        mvc.perform(get(POINTS).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.balance").value(30))
                .andExpect(jsonPath("$.data.entries[0].orderId").value(ORDER_ID))
                .andExpect(jsonPath("$.data.entries[0].kind").value("TAKEN_BACK"))
                .andExpect(jsonPath("$.data.entries[0].points").value(20))
                .andExpect(jsonPath("$.data.entries[0].amountFen").value(2_000))
                .andExpect(jsonPath("$.data.entries[0].time").value("2026-01-02T03:04:05Z"))
                .andExpect(jsonPath("$.data.entries[1].kind").value("EARNED"));
    }

    @Test
    void whatAnOrderEarnedIsReadForTheTokensShopper() throws Exception {
        given(points.ofOrder("alice", ORDER_ID)).willReturn(new OrderPointsView(ORDER_ID, 50, 20));

        mvc.perform(get(POINTS + "/orders/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.orderId").value(ORDER_ID))
                .andExpect(jsonPath("$.data.earned").value(50))
                .andExpect(jsonPath("$.data.takenBack").value(20));
    }

    @Test
    void anOrderWithNoPointsYetOrAnotherShoppersAnswers404() throws Exception {
        given(points.ofOrder("mallory", ORDER_ID)).willThrow(new OrderPointsNotFoundException(ORDER_ID));

        mvc.perform(get(POINTS + "/orders/" + ORDER_ID).header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.code").value(StatusCode.NOTFOUNDERROR))
                .andExpect(jsonPath("$.message").value("no points for order " + ORDER_ID + " yet"));
    }

    @Test
    void theGatewaysOwnAccountHasNoShopperAndIsForbidden() throws Exception {
        mvc.perform(get(POINTS).header(AUTHORIZATION, TestTokens.gateway())).andExpect(status().isForbidden());
        mvc.perform(get(POINTS + "/orders/" + ORDER_ID).header(AUTHORIZATION, TestTokens.gateway()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(points);
    }

    @Test
    void noCredentialOrOneThatIsNotTheGatewaysWordIsUnauthorised() throws Exception {
        mvc.perform(get(POINTS).header("X-User-Name", "alice")).andExpect(status().isUnauthorized());
        for (String authorization : TestTokens.notTheGatewaysWord("alice")) {
            mvc.perform(get(POINTS).header(AUTHORIZATION, authorization)).andExpect(status().isUnauthorized());
        }
        verifyNoInteractions(points);
    }

    @Test
    void pointsAreOnlyRead() throws Exception {
        mvc.perform(post(POINTS).header(AUTHORIZATION, TestTokens.shopper("alice"))).andExpect(status().isForbidden());
        verifyNoInteractions(points);
    }

    @Test
    void aDatabaseThatIsDownAnswers503() throws Exception {
        given(points.account("alice")).willThrow(new DataAccessResourceFailureException("connection refused"));

        mvc.perform(get(POINTS).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value(StatusCode.REMOTEERROR));
    }
}
