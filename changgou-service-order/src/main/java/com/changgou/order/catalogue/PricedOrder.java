package com.changgou.order.catalogue;

import com.changgou.order.api.BusinessType;
import java.util.List;

/**
 * An order's lines at the shop's prices, in the order they were asked for, with their totals and the one
 * kind of business all its skus are.
 */
public record PricedOrder(List<PricedLine> lines, int totalNum, long totalFen, BusinessType businessType) {
}
