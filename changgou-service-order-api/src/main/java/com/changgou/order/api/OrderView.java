package com.changgou.order.api;

import java.time.Instant;
import java.util.List;

/**
 * An order as its owner and the other services see it. {@code expireAt} is when an unpaid order
 * is closed; the pay service hands the same instant to WeChat as {@code time_expire}.
 */
public record OrderView(
        String id,
        String username,
        int totalNum,
        long totalMoneyFen,
        long payMoneyFen,
        OrderStatus status,
        String transactionId,
        Instant createTime,
        Instant expireAt,
        Instant payTime,
        Instant closeTime,
        List<OrderItemView> items) {
}
