package com.changgou.weborder.points;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.Result;
import com.changgou.common.UserHeader;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
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

@WebMvcTest(PointsPageController.class)
@Import({UserServiceClient.class, Links.class, WebOrderSecurity.class})
class PointsPageControllerTest {

    static final String OTHER_ORDER = "1864000000000000002";
    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @MockitoBean
    private UserPointsFeign userPointsFeign;

    @Test
    void theAccountPageShowsTheBalanceAndTheHistoryWithEachEntrysOrderAndKind() throws Exception {
        given(userPointsFeign.points()).willReturn(Result.ok(new PointsAccount(31, List.of(
                new PointsAccount.Entry(ORDER_ID, PointsKind.TAKEN_BACK, 20, 2_099, AT.plusSeconds(60)),
                new PointsAccount.Entry(OTHER_ORDER, PointsKind.EARNED, 1, 100, AT),
                new PointsAccount.Entry(ORDER_ID, PointsKind.EARNED, 50, 5_099, AT)))));

        mvc.perform(get("/worder/account").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(PointsPageController.VIEW_ACCOUNT))
                .andExpect(content().string(allOf(
                        containsString("<span id=\"points-balance\">31</span>"),
                        containsString("id=\"points-history\""),
                        containsString("<tr class=\"points-entry\" data-kind=\"TAKEN_BACK\" data-order=\"" + ORDER_ID + "\">"),
                        containsString("<tr class=\"points-entry\" data-kind=\"EARNED\" data-order=\"" + OTHER_ORDER + "\">"),
                        containsString("<a href=\"/api/worder/order/" + ORDER_ID + "\">" + ORDER_ID + "</a>"),
                        containsString(">Taken back<"),
                        containsString(">\u221220<"),
                        containsString(">+50<"),
                        containsString(">20.99<"),
                        containsString(">2026-01-02 03:05 UTC<"),
                        containsString("id=\"account-link\" href=\"/api/worder/account\""),
                        not(containsString("id=\"no-points\"")))));
    }

    @Test
    void aShopperWithNoPointsYetSeesABalanceOfNothing() throws Exception {
        given(userPointsFeign.points()).willReturn(Result.ok(new PointsAccount(0, List.of())));

        mvc.perform(get("/worder/account").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span id=\"points-balance\">0</span>"),
                        containsString("id=\"no-points\""),
                        not(containsString("class=\"points-entry\"")))));
    }

    @Test
    void aFailingUserServiceShowsTheFailPageWithAPlainReason() throws Exception {
        given(userPointsFeign.points()).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/worder/account").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(containsString("Your points cannot be read right now."),
                        not(containsString("Exception")))));
    }

    @Test
    void withoutTheGatewaysTokenNothingIsShownNorAsked() throws Exception {
        mvc.perform(get("/worder/account")).andExpect(status().isUnauthorized());
        mvc.perform(get("/worder/account").header(UserHeader.NAME, ALICE)).andExpect(status().isUnauthorized());
        mvc.perform(get("/worder/order/" + ORDER_ID + "/points").header(UserHeader.NAME, ALICE))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(userPointsFeign);
    }

    @Test
    void theOrdersPointsJsonSaysWhatItEarnedOnceTheyAreIn() throws Exception {
        given(userPointsFeign.ofOrder(ORDER_ID)).willReturn(Result.ok(new OrderPoints(ORDER_ID, 1, 0)));

        mvc.perform(get("/worder/order/" + ORDER_ID + "/points").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.data.orderId").value(ORDER_ID))
                .andExpect(jsonPath("$.data.earned").value(1))
                .andExpect(jsonPath("$.data.text").value("This order earned 1 point."));
    }

    @Test
    void theOrdersPointsJsonIs404UntilTheyAreInAndForAnotherShoppersOrder() throws Exception {
        // the user service answers for the token's shopper only: another's order has no points for them
        given(userPointsFeign.ofOrder(ORDER_ID)).willThrow(Fixtures.status(404));

        mvc.perform(get("/worder/order/" + ORDER_ID + "/points").header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value(PointsPageController.NOT_YET));
    }

    @Test
    void theOrdersPointsJsonIs503WhileTheUserServiceFails() throws Exception {
        given(userPointsFeign.ofOrder(ORDER_ID)).willThrow(Fixtures.status(500));

        mvc.perform(get("/worder/order/" + ORDER_ID + "/points").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.flag").value(false));
    }

    @Test
    void aMalformedOrderIdIsNotAskedAbout() throws Exception {
        mvc.perform(get("/worder/order/{id}/points", "x".repeat(65)).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound());
        verify(userPointsFeign, never()).ofOrder(any());
    }
}
