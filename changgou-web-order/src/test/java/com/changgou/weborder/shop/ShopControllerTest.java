package com.changgou.weborder.shop;

import static com.changgou.weborder.Fixtures.ALICE;
import static com.changgou.weborder.Fixtures.ORDER_ID;
import static com.changgou.weborder.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.Result;
import com.changgou.common.UserHeader;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.pay.api.PayFeign;
import com.changgou.weborder.Fixtures;
import com.changgou.weborder.order.Orders;
import com.changgou.weborder.web.Links;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ShopController.class)
@Import({Orders.class, Catalogue.class, Links.class})
class ShopControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private OrderFeign orderFeign;

    @MockitoBean
    private PayFeign payFeign;

    @Test
    void theShopListsTheCatalogueWithPricesInYuan() throws Exception {
        mvc.perform(get("/worder/shop").header(UserHeader.NAME, ALICE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Changgou mug"), containsString("25.00"),
                        containsString("action=\"/api/worder/order\""), containsString("id=\"place-order\""))));
    }

    @Test
    void placingAnOrderUsesCataloguePricesAndRedirectsToThePayPage() throws Exception {
        given(orderFeign.place(eq(ALICE), any())).willReturn(Result.ok(order(ALICE, OrderStatus.UNPAID, 5_000)));

        mvc.perform(post("/worder/order").header(UserHeader.NAME, ALICE)
                        .param("sku", "100001", "100002").param("qty", "0", "2"))
                .andExpect(redirectedUrl("/api/worder/pay?orderId=" + ORDER_ID));

        ArgumentCaptor<PlaceOrderRequest> placed = ArgumentCaptor.forClass(PlaceOrderRequest.class);
        verify(orderFeign).place(eq(ALICE), placed.capture());
        assertThat(placed.getValue().items())
                .containsExactly(new OrderItemRequest(100002L, "Changgou mug", 2_500L, 2));
    }

    @Test
    void anEmptyOrForgedFormIsRefused() throws Exception {
        mvc.perform(post("/worder/order").header(UserHeader.NAME, ALICE).param("sku", "100001").param("qty", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one item")));
        mvc.perform(post("/worder/order").header(UserHeader.NAME, ALICE).param("sku", "999").param("qty", "1"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/worder/order").header(UserHeader.NAME, ALICE).param("sku", "100001").param("qty", "1000"))
                .andExpect(status().isBadRequest());
        verify(orderFeign, never()).place(any(), any());
    }

    @Test
    void theOrderServiceDownIsToldOnPlacing() throws Exception {
        given(orderFeign.place(eq(ALICE), any())).willThrow(Fixtures.status(503));
        mvc.perform(post("/worder/order").header(UserHeader.NAME, ALICE).param("sku", "100001").param("qty", "1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("order service is down")));
    }
}
