package com.changgou.order.ops;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import com.changgou.order.deadletter.DeadLetterDecidedException;
import com.changgou.order.deadletter.DeadLetterNotFoundException;
import com.changgou.order.deadletter.DeadLetterRedrive;
import com.changgou.order.deadletter.DeadLetters;
import com.changgou.order.deadletter.RedriveAnswer;
import com.changgou.order.management.RefundDecisions;
import com.changgou.order.management.RefundNotFoundException;
import com.changgou.order.management.RefundRefusedException;
import com.changgou.order.security.OrderSecurity;
import com.changgou.security.TestTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ops API's HTTP contract: operators only (a shopper's token is 403, none 401), every action with a
 * reason (400 without), unknown ids 404, a decision already made 409, the operator the token's subject.
 */
@WebMvcTest(OrderOpsController.class)
@Import(OrderSecurity.class)
class OpsEndpointsTest {

    static final String OPS = "/internal/ops/order";
    static final DeadLetterView OPEN = new DeadLetterView(7, "order.pay.result.dlq", "m-1", "order.paid", "42",
            "PaymentRejectedException: pay result m-1 names unknown order 42", "{}", DeadLetterState.OPEN, 0,
            Instant.parse("2026-01-02T03:04:05Z"), null, null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderStories stories;

    @MockitoBean
    DeadLetters deadLetters;

    @MockitoBean
    DeadLetterRedrive redrive;

    @MockitoBean
    RefundDecisions refunds;

    @MockitoBean
    RefundDesk desk;

    @MockitoBean
    OperatorActions actions;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void anOperatorListsTheOpenDeadLettersByDefault() throws Exception {
        given(deadLetters.inState(null)).willReturn(List.of(OPEN));

        mvc.perform(get(OPS + "/dead-letters").with(operator("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(7))
                .andExpect(jsonPath("$.data[0].state").value("OPEN"));
    }

    @Test
    void aShoppersTokenIs403AndNoTokenIs401EverywhereUnderOps() throws Exception {
        for (String path : List.of("/dead-letters", "/orders/42", "/refunds/attention", "/operator-actions")) {
            mvc.perform(get(OPS + path).header(AUTHORIZATION, TestTokens.shopper("alice")))
                    .andExpect(status().isForbidden());
            mvc.perform(get(OPS + path)).andExpect(status().isUnauthorized());
        }
        mvc.perform(post(OPS + "/dead-letters/7/discard").header(AUTHORIZATION, TestTokens.shopper("alice"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"mine now\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(stories, deadLetters, redrive, refunds, desk, actions);
    }

    @Test
    void anActionWithoutAUsableReasonIs400AndChangesNothing() throws Exception {
        for (String body : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":\"%s\"}".formatted("x".repeat(501)))) {
            mvc.perform(post(OPS + "/dead-letters/7/discard").with(operator("olga"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post(OPS + "/refunds/R1/approve").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(deadLetters, desk);
    }

    @Test
    void aSecondDiscardIs409AndAnUnknownOneIs404() throws Exception {
        given(deadLetters.discard(7, "olga", "not JSON, nobody can apply it"))
                .willThrow(new DeadLetterDecidedException(7, DeadLetterState.DISCARDED));
        given(deadLetters.discard(8, "olga", "not JSON, nobody can apply it"))
                .willThrow(new DeadLetterNotFoundException(8));

        mvc.perform(post(OPS + "/dead-letters/7/discard").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"not JSON, nobody can apply it\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("DISCARDED")));
        mvc.perform(post(OPS + "/dead-letters/8/discard").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"not JSON, nobody can apply it\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRedriveRejectedAgainIsAnsweredSoWithTheDeadLetterStillOpen() throws Exception {
        given(redrive.redrive(7, "olga", "trying before the fix"))
                .willReturn(new RedriveAnswer(OPEN, false, "rejected again: the order costs 5001 fen; it stays OPEN"));

        mvc.perform(post(OPS + "/dead-letters/7/redrive").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"trying before the fix\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("rejected again: the order costs 5001 fen; it stays OPEN"))
                .andExpect(jsonPath("$.data.state").value("OPEN"));
    }

    @Test
    void refundDecisionsInTheWrongStateAre409AndUnknownRefunds404() throws Exception {
        given(desk.approve(anyString(), anyString(), anyString()))
                .willThrow(new RefundRefusedException("refund R1 is SUCCESS: only a refund WeChat answered CHANGE can be approved"));
        given(desk.retry(anyString(), anyString(), anyString())).willThrow(new RefundNotFoundException("R2"));

        mvc.perform(post(OPS + "/refunds/R1/approve").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"paid by bank transfer\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post(OPS + "/refunds/R2/retry").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"try again\"}"))
                .andExpect(status().isNotFound());
        verify(desk).approve("R1", "olga", "paid by bank transfer");
        verify(redrive, never()).redrive(anyLong(), anyString(), anyString());
    }

    /** A verified gateway token with the OPERATOR role, as the resource server would make it. */
    private static RequestPostProcessor operator(String name) {
        return jwt().jwt(token -> token.subject(name).claim("roles", List.of("OPERATOR")))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
}
