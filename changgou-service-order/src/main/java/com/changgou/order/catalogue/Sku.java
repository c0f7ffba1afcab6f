package com.changgou.order.catalogue;

import com.changgou.order.api.BusinessType;

/**
 * One row of {@code tb_sku}: a good the shop knows, its unit price in fen, whether it is sold now, and
 * its kind of business.
 */
public record Sku(long id, String name, long price, boolean onSale, BusinessType businessType) {
}
