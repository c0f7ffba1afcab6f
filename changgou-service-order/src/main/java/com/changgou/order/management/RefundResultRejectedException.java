package com.changgou.order.management;

/**
 * A refund result that can never be applied, however often it is retried (its amount is not the
 * refund's, or the body lacks what names the refund): it belongs in the dead-letter queue for a human.
 */
public class RefundResultRejectedException extends RuntimeException {

    public RefundResultRejectedException(String message) {
        super(message);
    }
}
