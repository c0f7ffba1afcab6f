package com.changgou.order.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.UserHeader;
import com.changgou.order.api.OrderItemView;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderNotFoundException;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract: statuses, the Result envelope and messages that name what was wrong. */
@WebMvcTest(OrderController.class)
class OrderControllerTest {

    static final String ONE_PHONE = """
            {"items":[{"skuId":7,"name":"phone","priceFen":150,"quantity":2}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderManagement orders;

    @Test
    void placingAnOrderAnswers201WithTheOrder() throws Exception {
        given(orders.place(eq("alice"), any(PlaceOrderRequest.class))).willReturn(order("42", "alice"));

        mvc.perform(post("/order").header(UserHeader.NAME, "alice").contentType(MediaType.APPLICATION_JSON)
                        .content(ONE_PHONE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.id").value("42"))
                .andExpect(jsonPath("$.data.payMoneyFen").value(300))
                .andExpect(jsonPath("$.data.status").value("UNPAID"))
                .andExpect(jsonPath("$.data.items[0].moneyFen").value(300));
    }

    @Test
    void aQuantityOfZeroIsRejectedNamingTheField() throws Exception {
        mvc.perform(post("/order").header(UserHeader.NAME, "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items":[{"skuId":7,"name":"phone","priceFen":150,"quantity":0}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items[0].quantity")));
        verifyNoInteractions(orders);
    }

    @Test
    void anOrderWithoutItemsIsRejectedNamingTheField() throws Exception {
        mvc.perform(post("/order").header(UserHeader.NAME, "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items")));
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() throws Exception {
        mvc.perform(post("/order").header(UserHeader.NAME, "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false));
    }

    @Test
    void aRequestWithoutTheUserHeaderIsRejected() throws Exception {
        mvc.perform(post("/order").contentType(MediaType.APPLICATION_JSON).content(ONE_PHONE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("header X-User-Name is required"));
        mvc.perform(get("/order").header(UserHeader.NAME, "  "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("header X-User-Name is required"));
        verifyNoInteractions(orders);
    }

    @Test
    void anotherShoppersOrderAnswers404() throws Exception {
        given(orders.get("bob", "42")).willThrow(new OrderNotFoundException("42"));

        mvc.perform(get("/order/42").header(UserHeader.NAME, "bob"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("order 42 not found"));
    }

    @Test
    void theShoppersOrdersAreListed() throws Exception {
        given(orders.list("alice")).willReturn(List.of(order("42", "alice"), order("41", "alice")));

        mvc.perform(get("/order").header(UserHeader.NAME, "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[1].id").value("41"));
    }

    private static OrderView order(String id, String username) {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        return new OrderView(id, username, 2, 300, 300, OrderStatus.UNPAID, null, now, now.plusSeconds(1800), null,
                null, List.of(new OrderItemView(7, "phone", 150, 2, 300)));
    }
}
