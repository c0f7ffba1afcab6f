package com.changgou.weborder.wxpay;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.order;
import static com.changgou.weborder.Fixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.points.UserPointsFeign;
import com.changgou.weborder.points.UserServiceClient;
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

/** {@code WEBSTOMP_URL} set: the wxpay page's script is handed that URL, which wins over the same-origin path. */
@WebMvcTest(controllers = WxPayController.class, properties = {
        "weborder.web-stomp.url=wss://push.example.com/ws",
        "weborder.web-stomp.passcode=another-passcode"})
@Import({OrderServiceClient.class, PayServiceClient.class, Checkout.class, UserServiceClient.class, QrCodes.class,
        Links.class, WebOrderSecurity.class})
class WxPayConfiguredPushTest {

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

    @MockitoBean
    private AlipayFeign alipayFeign;

    @MockitoBean
    private UserPointsFeign userPointsFeign;

    @Test
    void aConfiguredWebStompUrlIsHandedToTheScriptAsItIs() throws Exception {
        given(orderFeign.get(ORDER_ID)).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));
        given(payFeign.nativePay(ORDER_ID)).willReturn(Result.ok(payment(5_000)));

        String html = mvc.perform(get("/wxpay").param("orderId", ORDER_ID).header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("url: \"wss:\\/\\/push.example.com\\/ws\",", "passcode: \"another-passcode\",");
    }
}
