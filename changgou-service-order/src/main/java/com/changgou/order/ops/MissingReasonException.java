package com.changgou.order.ops;

/** An operator's action without a usable reason (missing, blank, too short or too long): a 400. */
public class MissingReasonException extends RuntimeException {

    public MissingReasonException(String message) {
        super(message);
    }
}
