package com.changgou.pay.refund;

/** The refund cannot be taken as asked: its id names another refund, or the order has nothing paid to refund. */
public class RefundConflictException extends RuntimeException {

    public RefundConflictException(String message) {
        super(message);
    }
}
