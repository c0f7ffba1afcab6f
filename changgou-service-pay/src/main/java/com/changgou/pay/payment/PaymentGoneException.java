package com.changgou.pay.payment;

/** The payment a link names was open once and is no more: paid, closed or expired. */
public class PaymentGoneException extends RuntimeException {

    public PaymentGoneException(String message) {
        super(message);
    }
}
