package com.changgou.weborder.shop;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.CSRF_TOKEN;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.changgou.common.CsrfHeader;
import com.changgou.common.Result;
import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.pay.api.PayFeign;
import com.changgou.security.TestTokens;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.security.WebOrderSecurity;
import com.changgou.weborder.web.Links;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ShopController.class)
@Import({OrderServiceClient.class, CatalogueClient.class, Links.class, WebOrderSecurity.class})
class ShopControllerTest {

    static final String CSRF_FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"" + CSRF_TOKEN + "\">";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @MockitoBean
    private OrderFeign orderFeign;

    @MockitoBean
    private CatalogueFeign catalogueFeign;

    @MockitoBean
    private PayFeign payFeign;

    @Test
    void theShopListsTheOrderServicesCatalogueWithPricesInYuan() throws Exception {
        given(catalogueFeign.onSale()).willReturn(Result.ok(Fixtures.catalogue()));

        mvc.perform(get("/worder/shop").header(AUTHORIZATION, TestTokens.shopper(ALICE)))
                .andExpect(status().isOk())
                .andExpect(view().name(ShopController.VIEW_SHOP))
                .andExpect(content().string(allOf(containsString("Changgou mug"), containsString("25.00"),
                        containsString("Changgou kite"), containsString("123.45"), containsString("id=\"qty-100007\""), containsString("max=\"99\""),
                        not(containsString("Changgou T-shirt")),
                        containsString("action=\"/api/worder/order\""), containsString("id=\"place-order\""))));
    }

    @Test
    void theOrderFormCarriesTheCsrfTokenTheGatewayHandedOver() throws Exception {
        given(catalogueFeign.onSale()).willReturn(Result.ok(Fixtures.catalogue()));

        String html = mvc.perform(get("/worder/shop").header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String orderForm = html.substring(html.indexOf("<form id=\"order-form\""));
        assertThat(orderForm.substring(0, orderForm.indexOf("</form>"))).contains(CSRF_FIELD);
    }

    @Test
    void signingOutIsAPostFormWithTheCsrfToken() throws Exception {
        given(catalogueFeign.onSale()).willReturn(Result.ok(Fixtures.catalogue()));

        String html = mvc.perform(get("/worder/shop").header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(CsrfHeader.NAME, CSRF_TOKEN))
                .andReturn().getResponse().getContentAsString();

        String header = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertThat(header)
                .contains("<form class=\"logout\" method=\"post\" action=\"/logout\">")
                .contains(CSRF_FIELD)
                .contains("<button id=\"logout-link\" type=\"submit\">Sign out</button>")
                .doesNotContain("href=\"/logout\"");
    }

    @Test
    void theOrderServiceDownWhileReadingTheCatalogueIsTold() throws Exception {
        given(catalogueFeign.onSale()).willThrow(Fixtures.connectionRefused());

        mvc.perform(get("/worder/shop").header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(CsrfHeader.NAME, CSRF_TOKEN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("fail"))
                .andExpect(content().string(allOf(containsString("order service is down"), containsString(CSRF_FIELD))));
    }

    @Test
    void placingAnOrderSendsOnlySkusAndQuantitiesAndRedirectsToThePayPage() throws Exception {
        given(orderFeign.place(any())).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));

        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).header(CsrfHeader.NAME, CSRF_TOKEN)
                        .param(CsrfHeader.FORM_FIELD, CSRF_TOKEN)
                        .param("sku", "100001", "100002", "100003").param("qty", "0", "2", "1"))
                .andExpect(redirectedUrl("/api/worder/pay?orderId=" + ORDER_ID));

        ArgumentCaptor<PlaceOrderRequest> placed = ArgumentCaptor.forClass(PlaceOrderRequest.class);
        verify(orderFeign).place(placed.capture());
        assertThat(placed.getValue().items())
                .containsExactly(new OrderItemRequest(100002L, 2), new OrderItemRequest(100003L, 1));
        verify(catalogueFeign, never()).onSale();
    }

    @Test
    void anEmptyOrOutOfRangeFormIsRefusedWithoutAsking() throws Exception {
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100001").param("qty", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one item")));
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100001").param("qty", "100"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100001").param("qty", "-1"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE))
                        .param("sku", "100001", "100002").param("qty", "1"))
                .andExpect(status().isBadRequest());
        verify(orderFeign, never()).place(any());
    }

    @Test
    void aQuantityTooBigForANumberIsABadOrderFormNotAMissingOrder() throws Exception {
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100003").param("qty", "93163582512089"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one item on sale")));
        verify(orderFeign, never()).place(any());
    }

    @Test
    void anOrderTheOrderServiceRefusesIsABadOrderForm() throws Exception {
        given(orderFeign.place(any())).willThrow(Fixtures.status(400,
                "{\"flag\":false,\"code\":20001,\"message\":\"sku 100004 is not on sale\",\"data\":null}"));

        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100004").param("qty", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("fail"))
                .andExpect(content().string(containsString("at least one item on sale")));
    }

    @Test
    void theOrderServiceDownIsToldOnPlacing() throws Exception {
        given(orderFeign.place(any())).willThrow(Fixtures.status(503));
        mvc.perform(post("/worder/order").header(AUTHORIZATION, TestTokens.shopper(ALICE)).param("sku", "100001").param("qty", "1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("order service is down")));
    }
}
