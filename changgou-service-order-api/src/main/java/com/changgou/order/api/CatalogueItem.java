package com.changgou.order.api;

/** One good on sale and its unit price in fen: the price an order of it will cost. */
public record CatalogueItem(long skuId, String name, long priceFen) {
}
