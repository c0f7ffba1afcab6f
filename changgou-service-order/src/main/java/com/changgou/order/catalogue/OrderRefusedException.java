package com.changgou.order.catalogue;

/** The shop will not sell this order as asked: the message says which sku or limit is at fault. */
public class OrderRefusedException extends RuntimeException {

    public OrderRefusedException(String message) {
        super(message);
    }
}
