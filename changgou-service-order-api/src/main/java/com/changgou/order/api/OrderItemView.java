package com.changgou.order.api;

public record OrderItemView(long skuId, String name, long priceFen, int quantity, long moneyFen) {
}
