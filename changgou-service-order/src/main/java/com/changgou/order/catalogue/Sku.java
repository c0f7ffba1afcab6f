package com.changgou.order.catalogue;

/** One row of {@code tb_sku}: a good the shop knows, its unit price in fen, and whether it is sold now. */
public record Sku(long id, String name, long price, boolean onSale) {
}
