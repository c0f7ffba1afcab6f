package com.changgou.user.points;

/**
 * The order has earned this shopper no points (yet): its paid event has not been applied, it is not a
 * GOODS order, or it is not theirs. All look alike to the asker.
 */
public class OrderPointsNotFoundException extends RuntimeException {

    public OrderPointsNotFoundException(String orderId) {
        super("no points for order %s yet".formatted(orderId));
    }
}
