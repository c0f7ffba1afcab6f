package com.changgou.pay.payment;

/** The order does not exist, or is not this shopper's (which looks the same from outside). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String orderId) {
        super("order %s not found".formatted(orderId));
    }
}
