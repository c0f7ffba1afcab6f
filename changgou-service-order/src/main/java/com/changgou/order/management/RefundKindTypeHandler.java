package com.changgou.order.management;

import com.changgou.order.api.RefundKind;
import org.apache.ibatis.type.MappedTypes;

/** The one place that knows how {@link RefundKind} is stored in {@code tb_order_refund.kind}: by name. */
@MappedTypes(RefundKind.class)
public class RefundKindTypeHandler extends CodeTypeHandler<RefundKind> {

    @Override
    String code(RefundKind kind) {
        return kind.name();
    }

    @Override
    RefundKind of(String code) {
        try {
            return RefundKind.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown refund kind '%s'".formatted(code), e);
        }
    }
}
