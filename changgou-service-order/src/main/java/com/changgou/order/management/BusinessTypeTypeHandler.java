package com.changgou.order.management;

import com.changgou.order.api.BusinessType;
import org.apache.ibatis.type.MappedTypes;

/**
 * The one place that knows how {@link BusinessType} is stored in {@code tb_sku.business_type} and
 * {@code tb_order.business_type}: by name.
 */
@MappedTypes(BusinessType.class)
public class BusinessTypeTypeHandler extends CodeTypeHandler<BusinessType> {

    @Override
    String code(BusinessType type) {
        return type.name();
    }

    @Override
    BusinessType of(String code) {
        try {
            return BusinessType.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown business type '%s'".formatted(code), e);
        }
    }
}
