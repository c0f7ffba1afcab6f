package com.changgou.weborder.shop;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The demo shop's few goods. Prices are set here, never taken from the form. */
@Component
class Catalogue {

    record Item(long skuId, String name, long priceFen) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item(100001L, "Changgou sticker", 1L),
            new Item(100002L, "Changgou mug", 2_500L),
            new Item(100003L, "Changgou T-shirt", 9_900L));

    List<Item> items() {
        return ITEMS;
    }

    Optional<Item> find(long skuId) {
        return ITEMS.stream().filter(item -> item.skuId() == skuId).findFirst();
    }
}
