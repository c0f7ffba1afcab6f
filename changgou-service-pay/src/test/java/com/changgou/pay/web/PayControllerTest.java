package com.changgou.pay.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.UserHeader;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.payment.PaymentNotFoundException;
import com.changgou.pay.payment.Payments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The service-to-service API lives under the internal prefix, which no gateway route matches. */
@WebMvcTest(PayController.class)
class PayControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Payments payments;

    @Test
    void closeIsServedUnderTheInternalPrefix() throws Exception {
        given(payments.close("42")).willReturn(CloseOutcome.CLOSED);

        mvc.perform(post("/internal/pay/wxpay/close").param("orderId", "42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data").value("CLOSED"));
    }

    @Test
    void theOldPublicPathsAreNotFoundAndReachNothing() throws Exception {
        mvc.perform(post("/pay/wxpay/close").param("orderId", "42"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/pay/wxpay/native").param("orderId", "42").header(UserHeader.NAME, "bob"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/pay/wxpay/status").param("orderId", "42").header(UserHeader.NAME, "bob"))
                .andExpect(status().isNotFound());

        verifyNoInteractions(payments);
    }

    @Test
    void statusOfAnotherShoppersOrderIsNotFound() throws Exception {
        given(payments.status("bob", "42")).willThrow(new PaymentNotFoundException("42"));

        mvc.perform(get(PayFeign.PATH + "/status").param("orderId", "42").header(UserHeader.NAME, "bob"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("no payment for order 42"));
    }
}
