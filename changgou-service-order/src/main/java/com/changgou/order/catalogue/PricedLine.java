package com.changgou.order.catalogue;

/** One line of an order at the shop's price: {@code moneyFen} is {@code priceFen × quantity}. */
public record PricedLine(long skuId, String name, long priceFen, int quantity, long moneyFen) {
}
