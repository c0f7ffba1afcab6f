package com.changgou.pay.refund;

/** No such refund, or no payment to refund. */
public class RefundNotFoundException extends RuntimeException {

    public RefundNotFoundException(String message) {
        super(message);
    }
}
