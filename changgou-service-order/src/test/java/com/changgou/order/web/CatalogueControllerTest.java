package com.changgou.order.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.changgou.order.api.CatalogueItem;
import com.changgou.order.catalogue.Catalogue;
import com.changgou.order.security.OrderSecurity;
import com.changgou.security.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue's HTTP contract: the goods on sale in the Result envelope, under the internal prefix. */
@WebMvcTest(CatalogueController.class)
@Import(OrderSecurity.class)
class CatalogueControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue catalogue;

    @DynamicPropertySource
    static void gatewayKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void theGoodsOnSaleAreListedWithTheirPricesInFen() throws Exception {
        given(catalogue.onSale()).willReturn(List.of(new CatalogueItem(100001, "Changgou sticker", 1),
                new CatalogueItem(100003, "Changgou T-shirt", 9_900)));

        mvc.perform(get("/internal/catalogue").header(AUTHORIZATION, TestTokens.shopper("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flag").value(true))
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[1].skuId").value(100003))
                .andExpect(jsonPath("$.data[1].name").value("Changgou T-shirt"))
                .andExpect(jsonPath("$.data[1].priceFen").value(9_900));
    }
}
