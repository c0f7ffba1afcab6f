package com.changgou.order.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.order.TestDatabase;
import com.changgou.order.api.BusinessType;
import com.changgou.order.api.CatalogueItem;
import com.changgou.order.api.OrderItemRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pricing against the real schema, seeded by the migrations. Each test runs in a transaction that is
 * rolled back, so the skus a test adds leave with it.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(Catalogue.class)
class CatalogueTest {

    static final TestDatabase DB = new TestDatabase();
    static final long MAX_TOTAL = 10_000_000L;
    static final long STICKER = 100001L;
    static final long MUG = 100002L;
    static final long SHIRT = 100003L;
    static final long UMBRELLA_SOLD_OUT = 100004L;
    static final long COURSE = 100005L;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGoodsOnSaleAreTheSeededOnesByIdWithoutTheSoldOutUmbrellaEachWithItsKindOfBusiness() {
        assertThat(catalogue.onSale()).containsExactly(
                new CatalogueItem(STICKER, "Changgou sticker", 1, BusinessType.GOODS),
                new CatalogueItem(MUG, "Changgou mug", 2_500, BusinessType.GOODS),
                new CatalogueItem(SHIRT, "Changgou T-shirt", 9_900, BusinessType.GOODS),
                new CatalogueItem(COURSE, "Online course: WeChat Pay in practice", 19_900, BusinessType.COURSE));
    }

    @Test
    void anOrderIsPricedWithTheCataloguesNamesAndPricesInTheOrderAskedFor() {
        PricedOrder priced = catalogue.price(List.of(line(SHIRT, 2), line(STICKER, 3)), MAX_TOTAL);

        assertThat(priced.lines()).containsExactly(
                new PricedLine(SHIRT, "Changgou T-shirt", 9_900, 2, 19_800),
                new PricedLine(STICKER, "Changgou sticker", 1, 3, 3));
        assertThat(priced.totalNum()).isEqualTo(5);
        assertThat(priced.totalFen()).isEqualTo(19_803);
        assertThat(priced.businessType()).isEqualTo(BusinessType.GOODS);
    }

    @Test
    void anOrderOfTheCourseIsOfItsKindOfBusiness() {
        PricedOrder priced = catalogue.price(List.of(line(COURSE, 1)), MAX_TOTAL);

        assertThat(priced.businessType()).isEqualTo(BusinessType.COURSE);
        assertThat(priced.totalFen()).isEqualTo(19_900);
    }

    @Test
    void anOrderMixingKindsOfBusinessIsRefusedNamingBothSkus() {
        assertThatThrownBy(() -> catalogue.price(List.of(line(MUG, 1), line(STICKER, 1), line(COURSE, 1)), MAX_TOTAL))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("an order holds one kind of business: sku 100002 is goods, sku 100005 is course");
    }

    @Test
    void anUnknownSkuIsRefusedByItsId() {
        assertThatThrownBy(() -> catalogue.price(List.of(line(MUG, 1), line(999L, 1)), MAX_TOTAL))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("sku 999 is unknown");
    }

    @Test
    void aSkuNotOnSaleIsRefusedByItsId() {
        assertThatThrownBy(() -> catalogue.price(List.of(line(UMBRELLA_SOLD_OUT, 1)), MAX_TOTAL))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("sku 100004 is not on sale");
    }

    @Test
    void aSkuAskedForTwiceIsRefused() {
        assertThatThrownBy(() -> catalogue.price(List.of(line(MUG, 1), line(STICKER, 1), line(MUG, 2)), MAX_TOTAL))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("sku 100002 appears twice");
    }

    @Test
    void aTotalThatWouldOverflowALongIsRefusedAsTooLarge() {
        addSku(900001L, "Gold bar", Long.MAX_VALUE / 50);

        assertThatThrownBy(() -> catalogue.price(List.of(line(900001L, 99)), Long.MAX_VALUE))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("order total exceeds %d fen".formatted(Long.MAX_VALUE));
    }

    @Test
    void linesThatEachFitButTogetherOverflowAreRefusedAsTooLarge() {
        addSku(900002L, "Gold bar", Long.MAX_VALUE / 2);
        addSku(900003L, "Platinum bar", Long.MAX_VALUE / 2);

        assertThatThrownBy(() -> catalogue.price(List.of(line(900002L, 1), line(900003L, 1), line(STICKER, 2)),
                        Long.MAX_VALUE))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessageStartingWith("order total exceeds");
    }

    @Test
    void aTotalAboveTheMaximumIsRefusedAndOneAtTheMaximumIsNot() {
        assertThat(catalogue.price(List.of(line(MUG, 4)), 10_000).totalFen()).isEqualTo(10_000);

        assertThatThrownBy(() -> catalogue.price(List.of(line(MUG, 4), line(STICKER, 1)), 10_000))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("order total exceeds 10000 fen");
    }

    @Test
    void aQuantityOutsideOneTo99IsRefusedEvenPastValidation() {
        assertThatThrownBy(() -> catalogue.price(List.of(line(SHIRT, 2), line(MUG, -1)), MAX_TOTAL))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessage("sku 100002: quantity -1 is not between 1 and 99");
    }

    private static OrderItemRequest line(long skuId, int quantity) {
        return new OrderItemRequest(skuId, quantity);
    }

    private void addSku(long id, String name, long priceFen) {
        jdbc.sql("""
                        INSERT INTO tb_sku (id, name, price, on_sale, create_time, update_time)
                        VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(id, name, priceFen)
                .update();
    }
}
