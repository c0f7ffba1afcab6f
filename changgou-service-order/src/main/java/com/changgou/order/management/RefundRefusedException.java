package com.changgou.order.management;

/** A refund the shop will not make as asked (outside the window, more than is left, not paid): a 409 with this reason. */
public class RefundRefusedException extends RuntimeException {

    public RefundRefusedException(String message) {
        super(message);
    }
}
