package com.changgou.order.catalogue;

import java.util.List;

/** An order's lines at the shop's prices, in the order they were asked for, with their totals. */
public record PricedOrder(List<PricedLine> lines, int totalNum, long totalFen) {
}
