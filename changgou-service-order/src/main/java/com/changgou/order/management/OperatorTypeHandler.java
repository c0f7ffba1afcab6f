package com.changgou.order.management;

import org.apache.ibatis.type.MappedTypes;

/**
 * The one place that knows how {@link Operator} is stored: the service's actors as the seed's
 * "pay" and "system", a shopper as their name. Shopper names "pay" and "system" would read back as
 * the actors; the column has always been shared that way.
 */
@MappedTypes(Operator.class)
public class OperatorTypeHandler extends CodeTypeHandler<Operator> {

    @Override
    String code(Operator operator) {
        if (operator instanceof Operator.Shopper shopper) {
            return shopper.username();
        }
        return switch ((Operator.Service) operator) {
            case PAY -> "pay";
            case SYSTEM -> "system";
        };
    }

    @Override
    Operator of(String code) {
        return switch (code) {
            case "pay" -> Operator.Service.PAY;
            case "system" -> Operator.Service.SYSTEM;
            default -> Operator.shopper(code);
        };
    }
}
