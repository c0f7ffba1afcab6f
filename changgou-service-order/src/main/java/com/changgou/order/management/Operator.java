package com.changgou.order.management;

/**
 * Who changed an order, as written to {@code tb_order_log.operator}: the shopper who placed it, a
 * member of staff (an operator refunding it), or one of the service's own actors.
 */
public sealed interface Operator permits Operator.Shopper, Operator.Staff, Operator.Service {

    static Operator shopper(String username) {
        return new Shopper(username);
    }

    static Operator staff(String username) {
        return new Staff(username);
    }

    /** Someone of the shop's staff (the gateway's token names them with the OPERATOR role), by name. */
    record Staff(String username) implements Operator {
    }

    /** A shopper, by name. */
    record Shopper(String username) implements Operator {
    }

    /** The service acting for no shopper. */
    enum Service implements Operator {
        /** Applying a payment the pay service reported. */
        PAY,
        /** The service itself: the order's timeout. */
        SYSTEM
    }
}
