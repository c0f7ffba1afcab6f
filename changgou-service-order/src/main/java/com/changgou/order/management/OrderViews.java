package com.changgou.order.management;

import com.changgou.order.api.OrderItemView;
import com.changgou.order.api.OrderView;
import java.util.List;

/** Rows to the API's view records. */
final class OrderViews {

    private OrderViews() {
    }

    static OrderView of(OrderRow o, List<OrderItemRow> items, List<RefundRow> refunds) {
        return new OrderView(o.id(), o.username(), o.totalNum(), o.totalMoney(), o.payMoney(), o.orderStatus(),
                o.transactionId(), o.createTime(), o.expireTime(), o.payTime(), o.closeTime(),
                items.stream().map(OrderViews::of).toList(), refunds.stream().map(RefundLines::of).toList(),
                o.businessType());
    }

    static OrderItemView of(OrderItemRow i) {
        return new OrderItemView(i.skuId(), i.name(), i.price(), i.num(), i.money());
    }
}
