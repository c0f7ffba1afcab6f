package com.changgou.pay.payment;

/** No payment was ever started for this order (by this shopper). */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(String orderId) {
        super("no payment for order %s".formatted(orderId));
    }
}
