package com.changgou.pay.refund;

/** A refund command with a field out of bounds; the message names the field. */
public class InvalidRefundException extends RuntimeException {

    public InvalidRefundException(String message) {
        super(message);
    }
}
