package com.changgou.order.api;

import java.time.Instant;
import java.util.List;

/**
 * An order as its owner and the other services see it. {@code expireAt} is when an unpaid order
 * is closed; the pay service hands the same instant to WeChat as {@code time_expire}.
 * {@code refunds} are its refunds, oldest first. {@code businessType} is its items' one kind of
 * business (GOODS for an order read from a service that did not send one).
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
        List<OrderItemView> items,
        List<RefundLine> refunds,
        BusinessType businessType) {

    public OrderView {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        businessType = businessType == null ? BusinessType.GOODS : businessType;
    }

    /** An order of goods. */
    public OrderView(String id, String username, int totalNum, long totalMoneyFen, long payMoneyFen,
            OrderStatus status, String transactionId, Instant createTime, Instant expireAt, Instant payTime,
            Instant closeTime, List<OrderItemView> items, List<RefundLine> refunds) {
        this(id, username, totalNum, totalMoneyFen, payMoneyFen, status, transactionId, createTime, expireAt,
                payTime, closeTime, items, refunds, BusinessType.GOODS);
    }

    /** An order of goods with no refunds. */
    public OrderView(String id, String username, int totalNum, long totalMoneyFen, long payMoneyFen,
            OrderStatus status, String transactionId, Instant createTime, Instant expireAt, Instant payTime,
            Instant closeTime, List<OrderItemView> items) {
        this(id, username, totalNum, totalMoneyFen, payMoneyFen, status, transactionId, createTime, expireAt,
                payTime, closeTime, items, List.of());
    }
}
