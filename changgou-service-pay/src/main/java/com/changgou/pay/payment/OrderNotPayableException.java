package com.changgou.pay.payment;

/** The order exists but cannot be paid now (paid, closed or expired). */
public class OrderNotPayableException extends RuntimeException {

    public OrderNotPayableException(String message) {
        super(message);
    }
}
