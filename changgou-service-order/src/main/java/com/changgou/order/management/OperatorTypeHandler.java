package com.changgou.order.management;

import org.apache.ibatis.type.MappedTypes;

/**
 * The one place that knows how {@link Operator} is stored: the service's actors as the seed's
 * "pay" and "system", a shopper as their name, staff as "operator:" and their name. Shopper names
 * "pay" and "system" would read back as the actors; the column has always been shared that way. No
 * shopper name holds a colon, so none reads back as staff.
 */
@MappedTypes(Operator.class)
public class OperatorTypeHandler extends CodeTypeHandler<Operator> {

    @Override
    String code(Operator operator) {
        if (operator instanceof Operator.Shopper shopper) {
            return shopper.username();
        }
        if (operator instanceof Operator.Staff staff) {
            return "operator:" + staff.username();
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
            default -> code.startsWith("operator:")
                    ? Operator.staff(code.substring("operator:".length()))
                    : Operator.shopper(code);
        };
    }
}
