package com.changgou.weborder.pay;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.order;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.pay.api.PayFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PayController.class)
@Import({OrderServiceClient.class, Links.class, WebOrderSecurity.class})
class PayControllerTest {

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @MockitoBean
    private OrderFeign orderFeign;

    @MockitoBean
    private PayFeign payFeign;

    @Test
    void theChoiceOfPaymentShowsTheAmountInYuanAndOffersWechatPayAndAlipay() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 1)));

        mvc.perform(get("/worder/pay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(PayController.VIEW_PAY))
                .andExpect(content().string(allOf(
                        containsString("id=\"amount\">0.01<"),
                        containsString("<a id=\"wxpay-link\" class=\"method\" href=\"/api/wxpay?orderId=" + ORDER_ID + "\""),
                        containsString("<a id=\"alipay-link\" class=\"method by-alipay\" href=\"/api/wxpay/alipay?orderId="
                                + ORDER_ID + "\""))));
    }

    @Test
    void thePayPageSignsOutByAPostCarryingTheCsrfToken() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 1)));

        mvc.perform(get("/worder/pay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<form class=\"logout\" method=\"post\" action=\"/logout\">"),
                        containsString("<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">"),
                        containsString("id=\"logout-link\" type=\"submit\""))));
    }

    @Test
    void aPaidOrderGoesToItsReceiptAndAClosedOneIsExplained() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.PAID, 1)));
        mvc.perform(get("/worder/pay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(redirectedUrl("/api/wxpay/paysuccess?orderId=" + ORDER_ID));

        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.CLOSED, 1)));
        mvc.perform(get("/worder/pay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("closed")));
    }

    @Test
    void aMalformedOrUnknownOrderIdIsAnUnknownOrder() throws Exception {
        mvc.perform(get("/worder/pay").param("orderId", "../../x").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("no such order")));
        mvc.perform(get("/worder/pay").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound());
        given(orderFeign.get("42")).willThrow(Fixtures.status(404));
        mvc.perform(get("/worder/pay").param("orderId", "42").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not your order")));
    }
}
