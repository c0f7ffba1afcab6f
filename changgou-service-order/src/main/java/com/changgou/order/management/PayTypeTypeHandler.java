package com.changgou.order.management;

import org.apache.ibatis.type.MappedTypes;

/** The one place that knows how {@link PayType} is stored: the seed's code '1' for WeChat. */
@MappedTypes(PayType.class)
public class PayTypeTypeHandler extends CodeTypeHandler<PayType> {

    @Override
    String code(PayType type) {
        return switch (type) {
            case WECHAT -> "1";
        };
    }

    @Override
    PayType of(String code) {
        return switch (code) {
            case "1" -> PayType.WECHAT;
            default -> throw new IllegalStateException("unknown pay type code '%s'".formatted(code));
        };
    }
}
