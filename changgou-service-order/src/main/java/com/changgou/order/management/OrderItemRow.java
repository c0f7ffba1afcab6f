package com.changgou.order.management;

/** One row of {@code tb_order_item}; price and money in fen. */
public record OrderItemRow(String id, String orderId, long skuId, String name, long price, int num, long money) {
}
