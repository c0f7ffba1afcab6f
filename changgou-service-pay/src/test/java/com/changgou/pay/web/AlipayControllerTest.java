package com.changgou.pay.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.PayState;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.PaymentGoneException;
import com.changgou.pay.payment.PaymentNotFoundException;
import com.changgou.pay.security.PaySecurity;
import com.changgou.security.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Alipay's internal API (a shopper's, on the gateway's token) and the public page a phone opens. */
@WebMvcTest({AlipayController.class, CashierController.class})
@Import(PaySecurity.class)
class AlipayControllerTest {

    static final String WAP = AlipayFeign.PATH + "/wap";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AlipayPayments alipay;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestTokens.register(registry, TestTokens.ORDER_SERVICE);
    }

    @Test
    void aShopperStartsAnAlipayPaymentOnTheGatewaysToken() throws Exception {
        given(alipay.wap("bob", "42")).willReturn(new AlipayPayment("42", "42-A", "tok", 2599,
                Instant.parse("2026-12-01T04:30:00Z"), PayState.NOTPAY));

        mvc.perform(post(WAP).param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.outTradeNo").value("42-A"))
                .andExpect(jsonPath("$.data.token").value("tok"))
                .andExpect(jsonPath("$.data.totalFee").value(2599));
    }

    @Test
    void withoutAlipayKeysStartingOneIsAClear503() throws Exception {
        given(alipay.wap("bob", "42")).willThrow(new AlipayNotConfiguredException());

        mvc.perform(post(WAP).param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("Alipay is not configured"));
    }

    @Test
    void noTokenOrTheOrderServicesAccountCannotStartOne() throws Exception {
        mvc.perform(post(WAP).param("orderId", "42")).andExpect(status().isUnauthorized());
        mvc.perform(post(WAP).param("orderId", "42").header(AUTHORIZATION, TestTokens.orderService()))
                .andExpect(status().isForbidden());

        verifyNoInteractions(alipay);
    }

    @Test
    void theGoPageIsPublicAndAnUnknownOrClosedTokenIsAPlainPage() throws Exception {
        given(alipay.cashier("nope")).willThrow(new PaymentNotFoundException("token"));
        given(alipay.cashier("done")).willThrow(new PaymentGoneException("paid"));

        mvc.perform(get("/pay/alipay/go/nope")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No such payment")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("form-action 'none'")));
        mvc.perform(get("/pay/alipay/go/done")).andExpect(status().isGone());
    }
}
