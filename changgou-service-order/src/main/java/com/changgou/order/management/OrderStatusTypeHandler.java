package com.changgou.order.management;

import com.changgou.order.api.OrderStatus;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedJdbcTypes;
import org.apache.ibatis.type.MappedTypes;

/**
 * The one place that knows how {@link OrderStatus} is stored: the seed's codes '0' unpaid, '1' paid,
 * '2' closed, so existing reports that read the column keep working; refunds added '3' refunding,
 * '4' refunded and '5' partially refunded.
 */
@MappedTypes(OrderStatus.class)
@MappedJdbcTypes(value = JdbcType.CHAR, includeNullJdbcType = true)
public class OrderStatusTypeHandler extends CodeTypeHandler<OrderStatus> {

    @Override
    String code(OrderStatus status) {
        return switch (status) {
            case UNPAID -> "0";
            case PAID -> "1";
            case CLOSED -> "2";
            case REFUNDING -> "3";
            case REFUNDED -> "4";
            case PARTIALLY_REFUNDED -> "5";
        };
    }

    @Override
    OrderStatus of(String code) {
        return switch (code) {
            case "0" -> OrderStatus.UNPAID;
            case "1" -> OrderStatus.PAID;
            case "2" -> OrderStatus.CLOSED;
            case "3" -> OrderStatus.REFUNDING;
            case "4" -> OrderStatus.REFUNDED;
            case "5" -> OrderStatus.PARTIALLY_REFUNDED;
            default -> throw new IllegalStateException("unknown order status code '%s'".formatted(code));
        };
    }
}
