package com.changgou.pay.ops;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.ops.StateChange;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import com.changgou.pay.security.PaySecurity;
import com.changgou.security.TestTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The ops API's HTTP contract: the OPERATOR role only; plain 400s and 404s. */
@WebMvcTest(PayOpsController.class)
@Import(PaySecurity.class)
class PayOpsControllerTest {

    static final String PAYMENTS = PayOpsFeign.PATH + "/payments";
    static final Instant AT = Instant.parse("2026-12-01T04:00:00Z");
    static final PaymentSummary PAYMENT = new PaymentSummary("1990000000000000001", "1990000000000000001", "alice",
            PayChannel.WECHAT, PayState.SUCCESS, 2599, "4200001", AT, AT.plusSeconds(30));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PaymentStories stories;
    @MockitoBean
    PayActivity activity;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestTokens.register(registry, TestTokens.ORDER_SERVICE);
    }

    @Test
    void anOperatorReadsAPaymentsStory() throws Exception {
        given(stories.story(PAYMENT.outTradeNo())).willReturn(new PaymentStory(PAYMENT,
                List.of(new StateChange(AT, PAYMENT.outTradeNo(), null, "NOTPAY", "NATIVE_PAY", "unifiedorder wx1")),
                List.of(new NotificationEntry(7, AT, "WECHAT", "PAYMENT", "REFUSED", "bad_signature",
                        "wrong HMAC-SHA256 sign", PAYMENT.outTradeNo(), "4bf92f3577b34da6a3ce929d0e0e4736")),
                List.of(), List.of()));

        mvc.perform(get(PAYMENTS + "/" + PAYMENT.outTradeNo()).with(operator("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.payment.state").value("SUCCESS"))
                .andExpect(jsonPath("$.data.payment.totalFee").value(2599))
                .andExpect(jsonPath("$.data.log[0].toState").value("NOTPAY"))
                .andExpect(jsonPath("$.data.notifications[0].reason").value("bad_signature"))
                .andExpect(jsonPath("$.data.notifications[0].traceId").value("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void aShopperOrAServiceAccountIsForbiddenAndNoCredentialIsUnauthorised() throws Exception {
        String story = PAYMENTS + "/" + PAYMENT.outTradeNo();

        mvc.perform(get(story).header(AUTHORIZATION, TestTokens.shopper("alice"))).andExpect(status().isForbidden());
        mvc.perform(get(story).header(AUTHORIZATION, TestTokens.orderService())).andExpect(status().isForbidden());
        mvc.perform(get(PayOpsFeign.PATH + "/live").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());
        mvc.perform(get(story)).andExpect(status().isUnauthorized());

        verifyNoInteractions(stories, activity);
    }

    @Test
    void aSearchWithoutCriteriaIs400WithAPlainMessage() throws Exception {
        mvc.perform(get(PAYMENTS).with(operator("olga")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("give at least one of orderId, transactionId, from, to"));
        mvc.perform(get(PAYMENTS).param("from", "yesterday").with(operator("olga")))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(stories);
    }

    @Test
    void aSearchByTimeReadsIsoInstants() throws Exception {
        given(stories.find(PaymentCriteria.of(null, null, AT, AT.plusSeconds(60)))).willReturn(List.of(PAYMENT));

        mvc.perform(get(PAYMENTS).param("from", "2026-12-01T04:00:00Z").param("to", "2026-12-01T04:01:00Z")
                        .with(operator("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].outTradeNo").value(PAYMENT.outTradeNo()));
    }

    @Test
    void anUnknownPaymentIs404AndMinutesOutOfRangeAre400() throws Exception {
        given(stories.story("NOPE")).willThrow(new PayRecordNotFoundException("NOPE"));
        given(activity.live(0)).willThrow(new InvalidOpsQueryException("minutes must be 1 to 180, is 0"));

        mvc.perform(get(PAYMENTS + "/NOPE").with(operator("olga")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("no pay record NOPE"));
        mvc.perform(get(PayOpsFeign.PATH + "/live").param("minutes", "0").with(operator("olga")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("minutes must be 1 to 180, is 0"));
    }

    /** A verified gateway token with the OPERATOR role, as the resource server would make it. */
    private static RequestPostProcessor operator(String name) {
        return jwt().jwt(token -> token.subject(name).claim("roles", List.of("OPERATOR")))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
}
