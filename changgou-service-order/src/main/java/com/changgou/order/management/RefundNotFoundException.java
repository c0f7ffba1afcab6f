package com.changgou.order.management;

/** No refund has this id: a 404. */
public class RefundNotFoundException extends RuntimeException {

    public RefundNotFoundException(String id) {
        super("refund %s not found".formatted(id));
    }
}
