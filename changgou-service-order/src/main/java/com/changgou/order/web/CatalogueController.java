package com.changgou.order.web;

import com.changgou.common.Result;
import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.CatalogueItem;
import com.changgou.order.catalogue.Catalogue;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP side of {@link CatalogueFeign}: the goods on sale, for the shop's pages to show. */
@RestController
@RequestMapping(CatalogueFeign.PATH)
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    Result<List<CatalogueItem>> onSale() {
        return Result.ok(catalogue.onSale());
    }
}
