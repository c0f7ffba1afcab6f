package com.changgou.order.web;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.RefundKind;
import com.changgou.order.api.RefundLine;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderNotFoundException;
import com.changgou.order.management.RefundRefusedException;
import com.changgou.order.management.Refunds;
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
 * The refund endpoints' HTTP contract: a shopper cancels their own order (another's is 404), an
 * operator (the token's OPERATOR role) refunds part of any order, refusals are 409 with the reason.
 */
@WebMvcTest(OrderController.class)
@Import(OrderSecurity.class)
class RefundEndpointsTest {

    static final String ORDER = "/internal/order/42";
    static final RefundLine REFUND = new RefundLine("1900000000000000001", 5_000, RefundKind.SHOPPER_CANCEL,
            OrderRefundState.REQUESTED, null, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderManagement orders;

    @MockitoBean
    Refunds refunds;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void theOwnerCancelsAndIsAnsweredTheRefund() throws Exception {
        given(refunds.cancel("alice", "42")).willReturn(REFUND);

        mvc.perform(post(ORDER + "/cancel").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.id").value(REFUND.id()))
                .andExpect(jsonPath("$.data.amountFen").value(5_000))
                .andExpect(jsonPath("$.data.kind").value("SHOPPER_CANCEL"))
                .andExpect(jsonPath("$.data.state").value("REQUESTED"));
    }

    @Test
    void theOrderShowsItsRefunds() throws Exception {
        Instant at = REFUND.createTime();
        given(orders.get("alice", "42")).willReturn(new OrderView("42", "alice", 2, 5_000, 5_000, OrderStatus.REFUNDING,
                "wx-42", at, at, at, null, List.of(), List.of(REFUND)));

        mvc.perform(get(ORDER).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.status").value("REFUNDING"))
                .andExpect(jsonPath("$.data.refunds[0].id").value(REFUND.id()))
                .andExpect(jsonPath("$.data.refunds[0].amountFen").value(5_000))
                .andExpect(jsonPath("$.data.refunds[0].state").value("REQUESTED"))
                .andExpect(jsonPath("$.data.refunds[0].createTime").value("2026-01-02T03:04:05Z"));
    }

    @Test
    void anotherShoppersOrderIs404AndAPolicyRefusalIs409WithTheReason() throws Exception {
        given(refunds.cancel("mallory", "42")).willThrow(new OrderNotFoundException("42"));
        given(refunds.cancel("alice", "42")).willThrow(new RefundRefusedException(
                "order 42 was paid more than 7 days ago: it can no longer be cancelled for a refund"));

        mvc.perform(post(ORDER + "/cancel").header(AUTHORIZATION, TestTokens.shopper("mallory")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("order 42 not found"));
        mvc.perform(post(ORDER + "/cancel").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value(
                        "order 42 was paid more than 7 days ago: it can no longer be cancelled for a refund"));
    }

    @Test
    void anOperatorRefundsPartForTheirOwnName() throws Exception {
        given(refunds.refundByOperator("olga", "42", 2_000L, "scratched")).willReturn(REFUND);

        mvc.perform(post(ORDER + "/refunds").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountFen\":2000,\"reason\":\"scratched\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.id").value(REFUND.id()));
        verify(refunds).refundByOperator("olga", "42", 2_000L, "scratched");
    }

    @Test
    void moreThanIsLeftIs409NamingWhatIsLeft() throws Exception {
        given(refunds.refundByOperator(anyString(), anyString(), anyLong(), anyString()))
                .willThrow(new RefundRefusedException("more than is left to refund: 3000 fen"));

        mvc.perform(post(ORDER + "/refunds").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountFen\":3001,\"reason\":\"too much\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("more than is left to refund: 3000 fen"));
    }

    @Test
    void aNonPositiveAmountOrNoReasonIs400AndReachesNoRefund() throws Exception {
        mvc.perform(post(ORDER + "/refunds").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountFen\":0,\"reason\":\"zero\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(ORDER + "/refunds").with(operator("olga")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountFen\":100}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(refunds);
    }

    @Test
    void aShoppersTokenCannotRefundAndNoTokenIsUnauthorised() throws Exception {
        mvc.perform(post(ORDER + "/refunds").header(AUTHORIZATION, TestTokens.shopper("alice"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountFen\":100,\"reason\":\"mine\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(ORDER + "/refunds").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountFen\":100,\"reason\":\"mine\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(ORDER + "/cancel")).andExpect(status().isUnauthorized());
        verifyNoInteractions(refunds);
    }

    /** A verified gateway token with the OPERATOR role, as the resource server would make it. */
    private static RequestPostProcessor operator(String name) {
        return jwt().jwt(token -> token.subject(name).claim("roles", List.of("OPERATOR")))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
}
