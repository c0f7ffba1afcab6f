package com.changgou.pay.payment;

/** The order service could not tell us about the order; nothing was started. */
public class OrderServiceUnavailableException extends RuntimeException {

    public OrderServiceUnavailableException(String orderId, Throwable cause) {
        super("order service unavailable while reading order %s".formatted(orderId), cause);
    }
}
