package com.changgou.order.management;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.OrderStatus;
import java.time.Instant;

/** One row of {@code tb_order}; {@code businessType} is the one kind of all its items. */
public record OrderRow(
        String id,
        String username,
        int totalNum,
        long totalMoney,
        long payMoney,
        PayType payType,
        OrderStatus orderStatus,
        String transactionId,
        Instant createTime,
        Instant updateTime,
        Instant payTime,
        Instant closeTime,
        Instant expireTime,
        BusinessType businessType) {
}
