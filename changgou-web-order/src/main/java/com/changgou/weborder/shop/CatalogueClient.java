package com.changgou.weborder.shop;

import com.changgou.common.Result;
import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.CatalogueItem;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import feign.FeignException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The goods on sale, as the order service lists and prices them: the shop shows them, and an order
 * of them costs what the order service says, whatever the form posted.
 */
@Component
class CatalogueClient {

    private final CatalogueFeign catalogueFeign;

    CatalogueClient(CatalogueFeign catalogueFeign) {
        this.catalogueFeign = catalogueFeign;
    }

    List<CatalogueItem> onSale() {
        Result<List<CatalogueItem>> result;
        try {
            result = catalogueFeign.onSale();
        } catch (FeignException e) {
            throw new ShopFailure(Failure.ORDER_SERVICE_DOWN, null, "reading the catalogue failed with " + e.status(), e);
        }
        return Result.dataOrThrow(result,
                why -> new ShopFailure(Failure.ORDER_SERVICE_DOWN, null, "order service returned no catalogue: " + why));
    }
}
