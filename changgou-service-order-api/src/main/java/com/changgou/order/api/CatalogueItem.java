package com.changgou.order.api;

/**
 * One good on sale, its unit price in fen (the price an order of it will cost) and its kind of business:
 * an order holds one kind only.
 */
public record CatalogueItem(long skuId, String name, long priceFen, BusinessType businessType) {

    public CatalogueItem {
        businessType = businessType == null ? BusinessType.GOODS : businessType;
    }

    /** A good shipped to the shopper, as every item was before orders had a kind of business. */
    public CatalogueItem(long skuId, String name, long priceFen) {
        this(skuId, name, priceFen, BusinessType.GOODS);
    }
}
