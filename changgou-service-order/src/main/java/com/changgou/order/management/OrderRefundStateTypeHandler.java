package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;
import org.apache.ibatis.type.MappedTypes;

/** The one place that knows how {@link OrderRefundState} is stored in {@code tb_order_refund.state}: by name. */
@MappedTypes(OrderRefundState.class)
public class OrderRefundStateTypeHandler extends CodeTypeHandler<OrderRefundState> {

    @Override
    String code(OrderRefundState state) {
        return state.name();
    }

    @Override
    OrderRefundState of(String code) {
        try {
            return OrderRefundState.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown refund state '%s'".formatted(code), e);
        }
    }
}
