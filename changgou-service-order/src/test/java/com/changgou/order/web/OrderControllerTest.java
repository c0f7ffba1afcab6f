package com.changgou.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderItemView;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.catalogue.OrderRefusedException;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderNotFoundException;
import com.changgou.order.management.Refunds;
import com.changgou.order.security.OrderSecurity;
import com.changgou.security.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP contract: statuses, the Result envelope and messages that name what was wrong. Every
 * request carries the gateway's token for its shopper, as web-order and pay forward it.
 */
@WebMvcTest(OrderController.class)
@Import(OrderSecurity.class)
class OrderControllerTest {

    /** The wire path, spelled out: behind the internal prefix, where no gateway route leads. */
    static final String ORDERS = "/internal/order";
    static final String TWO_MUGS = """
            {"items":[{"skuId":100002,"quantity":2}]}""";

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
    void placingAnOrderAnswers201WithTheOrder() throws Exception {
        given(orders.place(eq("alice"), any(PlaceOrderRequest.class))).willReturn(order("42", "alice"));

        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content(TWO_MUGS))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.id").value("42"))
                .andExpect(jsonPath("$.data.payMoneyFen").value(5_000))
                .andExpect(jsonPath("$.data.status").value("UNPAID"))
                .andExpect(jsonPath("$.data.items[0].moneyFen").value(5_000));
    }

    @Test
    void aQuantityOfZeroIsRejectedNamingTheField() throws Exception {
        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items":[{"skuId":100002,"quantity":0}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items[0].quantity")));
        verifyNoInteractions(orders);
    }

    @Test
    void aPriceOrNameSentByTheClientNeverReachesTheOrderService() throws Exception {
        given(orders.place(eq("alice"), any(PlaceOrderRequest.class))).willReturn(order("42", "alice"));

        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items":[{"skuId":100003,"name":"free shirt","priceFen":1,"quantity":1}]}"""))
                .andExpect(status().isCreated());

        ArgumentCaptor<PlaceOrderRequest> placed = ArgumentCaptor.forClass(PlaceOrderRequest.class);
        verify(orders).place(eq("alice"), placed.capture());
        assertThat(placed.getValue().items()).containsExactly(new OrderItemRequest(100003L, 1));
    }

    @Test
    void aQuantityAbove99IsRejectedNamingTheField() throws Exception {
        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items":[{"skuId":100002,"quantity":100}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items[0].quantity")));
        verifyNoInteractions(orders);
    }

    @Test
    void anOrderOfMoreThan20LinesIsRejectedNamingTheField() throws Exception {
        String lines = IntStream.rangeClosed(1, PlaceOrderRequest.MAX_LINES + 1)
                .mapToObj(i -> "{\"skuId\":%d,\"quantity\":1}".formatted(100_000 + i))
                .collect(Collectors.joining(","));

        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + lines + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items size must be between 0 and 20")));
        verifyNoInteractions(orders);
    }

    @Test
    void anOrderTheShopRefusesAnswers400WithTheReason() throws Exception {
        given(orders.place(eq("alice"), any(PlaceOrderRequest.class)))
                .willThrow(new OrderRefusedException("sku 100002 appears twice"));

        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items":[{"skuId":100002,"quantity":1},{"skuId":100002,"quantity":2}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("sku 100002 appears twice"));
    }

    @Test
    void anOrderWithoutItemsIsRejectedNamingTheField() throws Exception {
        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("items")));
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() throws Exception {
        mvc.perform(post(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.flag").value(false));
    }

    @Test
    void anotherShoppersOrderAnswers404() throws Exception {
        given(orders.get("bob", "42")).willThrow(new OrderNotFoundException("42"));

        mvc.perform(get(ORDERS + "/42").header(AUTHORIZATION, TestTokens.shopper("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.flag").value(false))
                .andExpect(jsonPath("$.message").value("order 42 not found"));
    }

    @Test
    void theShoppersOrdersAreListed() throws Exception {
        given(orders.list("alice")).willReturn(List.of(order("42", "alice"), order("41", "alice")));

        mvc.perform(get(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[1].id").value("41"));
    }

    private static OrderView order(String id, String username) {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        return new OrderView(id, username, 2, 5_000, 5_000, OrderStatus.UNPAID, null, now, now.plusSeconds(1800), null,
                null, List.of(new OrderItemView(100002, "Changgou mug", 2_500, 2, 5_000)));
    }
}
