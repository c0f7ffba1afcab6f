package com.changgou.pay.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.UserHeader;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import com.changgou.pay.payment.PaymentNotFoundException;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.refund.InvalidRefundException;
import com.changgou.pay.refund.RefundConflictException;
import com.changgou.pay.refund.RefundNotFoundException;
import com.changgou.pay.refund.Refunds;
import com.changgou.pay.security.PaySecurity;
import com.changgou.security.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service-to-service API: under the internal prefix, which no gateway route matches; a shopper's
 * calls on the gateway's token, close() on the order service's account only.
 */
@WebMvcTest(PayController.class)
@Import(PaySecurity.class)
class PayControllerTest {

    static final String NATIVE = PayFeign.PATH + "/native";
    static final String STATUS = PayFeign.PATH + "/status";
    static final String CLOSE = PayFeign.PATH + "/close";
    static final String REFUNDS = PayFeign.PATH + "/refunds";
    static final String REFUND_JSON = """
            {"outRefundNo":"RF42","orderId":"42","transactionId":null,"refundFee":300,"reason":"too small"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Payments payments;
    @MockitoBean
    Refunds refunds;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestTokens.register(registry, TestTokens.ORDER_SERVICE);
    }

    static List<String> notTheGatewaysWord() {
        return TestTokens.notTheGatewaysWord("bob");
    }

    @Test
    void theOrderServicesAccountClosesUnderTheInternalPrefix() throws Exception {
        given(payments.close("42")).willReturn(CloseOutcome.CLOSED);

        mvc.perform(post(CLOSE).param("orderId", "42").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data").value("CLOSED"));
    }

    @Test
    void aShoppersTokenMayNotCloseAndNoCredentialOrAWrongSecretIsUnauthorised() throws Exception {
        mvc.perform(post(CLOSE).param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isForbidden());
        mvc.perform(post(CLOSE).param("orderId", "42")).andExpect(status().isUnauthorized());
        mvc.perform(post(CLOSE).param("orderId", "42").header(UserHeader.NAME, "bob")).andExpect(status().isUnauthorized());
        mvc.perform(post(CLOSE).param("orderId", "42")
                        .header(AUTHORIZATION, TestTokens.basic(TestTokens.ORDER_SERVICE, "not-the-secret")))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(payments);
    }

    @Test
    void theShoppersCallsActOnTheTokensSubjectNotOnAHeader() throws Exception {
        given(payments.status("bob", "42")).willReturn(new PaymentStatus("42", PayState.NOTPAY, "tok"));

        mvc.perform(get(STATUS).param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob"))
                        .header(UserHeader.NAME, "mallory"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.state").value("NOTPAY"));

        verify(payments).status("bob", "42");
    }

    @Test
    void aBareUserNameHeaderOrTheOrderServicesAccountCannotPayOrPoll() throws Exception {
        mvc.perform(post(NATIVE).param("orderId", "42").header(UserHeader.NAME, "bob")).andExpect(status().isUnauthorized());
        mvc.perform(get(STATUS).param("orderId", "42").header(UserHeader.NAME, "bob")).andExpect(status().isUnauthorized());
        mvc.perform(post(NATIVE).param("orderId", "42").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isForbidden());

        verifyNoInteractions(payments);
    }

    @ParameterizedTest
    @MethodSource("notTheGatewaysWord")
    void aTokenOfAnotherKeyIssuerOrAudienceOrAnExpiredOneIsUnauthorised(String authorization) throws Exception {
        mvc.perform(post(NATIVE).param("orderId", "42").header(AUTHORIZATION, authorization))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(STATUS).param("orderId", "42").header(AUTHORIZATION, authorization))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(payments);
    }

    @Test
    void theOldPublicPathsReachNothing() throws Exception {
        mvc.perform(post("/pay/wxpay/close").param("orderId", "42").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/pay/wxpay/native").param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/pay/wxpay/status").param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isForbidden());

        verifyNoInteractions(payments);
    }

    @Test
    void statusOfAnotherShoppersOrderIsNotFound() throws Exception {
        given(payments.status("bob", "42")).willThrow(new PaymentNotFoundException("42"));

        mvc.perform(get(STATUS).param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("no payment for order 42"));
    }

    @Test
    void theOrderServicesAccountRefundsAndReadsARefund() throws Exception {
        RefundView view = new RefundView("RF42", "42", "42", "4200042", 300, 1000, RefundState.PROCESSING, null, null);
        given(refunds.refund(new RefundCommand("RF42", "42", null, 300, "too small"))).willReturn(view);
        given(refunds.view("RF42")).willReturn(view);

        mvc.perform(post(REFUNDS).contentType("application/json").content(REFUND_JSON)
                        .header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.state").value("PROCESSING"))
                .andExpect(jsonPath("$.data.refundFee").value(300));
        mvc.perform(get(REFUNDS + "/RF42").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.outRefundNo").value("RF42"));
    }

    @Test
    void aShopperMayNotRefundNorReadRefundsAndNoCredentialIsUnauthorised() throws Exception {
        mvc.perform(post(REFUNDS).contentType("application/json").content(REFUND_JSON)
                        .header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isForbidden());
        mvc.perform(get(REFUNDS + "/RF42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isForbidden());
        mvc.perform(post(REFUNDS).contentType("application/json").content(REFUND_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(get(REFUNDS + "/RF42")).andExpect(status().isUnauthorized());

        verifyNoInteractions(refunds);
    }

    @Test
    void refundErrorsAreClearWithTheirStatus() throws Exception {
        given(refunds.view("RF404")).willThrow(new RefundNotFoundException("refund RF404 not found"));
        given(refunds.refund(new RefundCommand("RF42", "42", null, 300, "too small")))
                .willThrow(new RefundConflictException("refund RF42 is 200 fen of order 42"));
        given(refunds.refund(new RefundCommand("RF42", "42", null, 0, null)))
                .willThrow(new InvalidRefundException("refundFee must be a positive number of fen, is 0"));

        mvc.perform(get(REFUNDS + "/RF404").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("refund RF404 not found"));
        mvc.perform(post(REFUNDS).contentType("application/json").content(REFUND_JSON)
                        .header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("refund RF42 is 200 fen of order 42"));
        mvc.perform(post(REFUNDS).contentType("application/json")
                        .content("{\"outRefundNo\":\"RF42\",\"orderId\":\"42\",\"refundFee\":0}")
                        .header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("refundFee must be a positive number of fen, is 0"));
        mvc.perform(post(REFUNDS).contentType("application/json").content("{not json")
                        .header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("the request body is not a readable JSON command"));
    }
}
