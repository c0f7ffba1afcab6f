package com.changgou.order.management;

import org.apache.ibatis.type.MappedTypes;

/** The one place that knows how {@link PayStatus} is stored: the seed's codes '0' unpaid, '1' paid. */
@MappedTypes(PayStatus.class)
public class PayStatusTypeHandler extends CodeTypeHandler<PayStatus> {

    @Override
    String code(PayStatus status) {
        return switch (status) {
            case UNPAID -> "0";
            case PAID -> "1";
        };
    }

    @Override
    PayStatus of(String code) {
        return switch (code) {
            case "0" -> PayStatus.UNPAID;
            case "1" -> PayStatus.PAID;
            default -> throw new IllegalStateException("unknown pay status code '%s'".formatted(code));
        };
    }
}
