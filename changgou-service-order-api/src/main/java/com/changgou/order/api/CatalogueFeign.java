package com.changgou.order.api;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** The goods the shop sells, as the order service prices them; internal, like {@link OrderFeign}. */
@FeignClient(name = "changgou-service-order", contextId = "catalogueFeign", path = CatalogueFeign.PATH)
public interface CatalogueFeign {

    String PATH = InternalApi.PREFIX + "/catalogue";

    /** The goods on sale, ordered by sku id. */
    @GetMapping
    Result<List<CatalogueItem>> onSale();
}
