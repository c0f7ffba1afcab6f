package com.changgou.order.management;

/**
 * A pay result that can never be applied, however often it is retried (unknown order, wrong amount):
 * it belongs in the dead-letter queue for a human, not in a retry loop.
 */
public class PaymentRejectedException extends RuntimeException {

    public PaymentRejectedException(String message) {
        super(message);
    }
}
