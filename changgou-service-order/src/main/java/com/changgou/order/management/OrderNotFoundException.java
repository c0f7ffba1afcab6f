package com.changgou.order.management;

/** The order does not exist, or belongs to someone else: the caller cannot tell the two apart. */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String id) {
        super("order %s not found".formatted(id));
    }
}
