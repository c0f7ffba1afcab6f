package com.changgou.order.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.common.UserHeader;
import com.changgou.order.catalogue.Catalogue;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.Refunds;
import com.changgou.order.security.OrderSecurity;
import com.changgou.security.TestTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Only the gateway's word names a shopper here: anything less is 401 and reaches no order. */
@WebMvcTest({OrderController.class, CatalogueController.class})
@Import(OrderSecurity.class)
class OrderSecurityTest {

    static final String ORDERS = "/internal/order";
    static final String TWO_MUGS = """
            {"items":[{"skuId":100002,"quantity":2}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderManagement orders;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    Refunds refunds;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    static List<String> notTheGatewaysWord() {
        return Stream.concat(TestTokens.notTheGatewaysWord("alice").stream(),
                Stream.of(TestTokens.basic("alice", "password"))).toList();
    }

    @Test
    void aBareUserNameHeaderIsUnauthorisedAndReachesNoOrder() throws Exception {
        mvc.perform(get(ORDERS).header(UserHeader.NAME, "alice")).andExpect(status().isUnauthorized());
        mvc.perform(post(ORDERS).header(UserHeader.NAME, "alice").contentType(MediaType.APPLICATION_JSON).content(TWO_MUGS))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/internal/catalogue")).andExpect(status().isUnauthorized());

        verifyNoInteractions(orders, catalogue);
    }

    @ParameterizedTest
    @MethodSource("notTheGatewaysWord")
    void aTokenOfAnotherKeyIssuerOrAudienceOrAnExpiredOneIsUnauthorised(String authorization) throws Exception {
        mvc.perform(get(ORDERS).header(AUTHORIZATION, authorization)).andExpect(status().isUnauthorized());
        mvc.perform(post(ORDERS).header(AUTHORIZATION, authorization).contentType(MediaType.APPLICATION_JSON)
                .content(TWO_MUGS)).andExpect(status().isUnauthorized());
        mvc.perform(get("/internal/catalogue").header(AUTHORIZATION, authorization)).andExpect(status().isUnauthorized());

        verifyNoInteractions(orders, catalogue);
    }

    @Test
    void theShopperIsTheTokensSubjectWhateverTheUserNameHeaderSays() throws Exception {
        given(orders.list("alice")).willReturn(List.of());

        mvc.perform(get(ORDERS).header(AUTHORIZATION, TestTokens.shopper("alice")).header(UserHeader.NAME, "mallory"))
                .andExpect(status().isOk());

        verify(orders).list("alice");
    }

    @Test
    void pathsOutsideTheApiAreRefusedEvenWithAToken() throws Exception {
        mvc.perform(get("/internal/orders-export").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/orders-export")).andExpect(status().isUnauthorized());
    }
}
