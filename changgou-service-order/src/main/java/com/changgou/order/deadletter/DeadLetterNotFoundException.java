package com.changgou.order.deadletter;

/** No dead letter has this id: a 404. */
public class DeadLetterNotFoundException extends RuntimeException {

    public DeadLetterNotFoundException(long id) {
        super("dead letter %d not found".formatted(id));
    }
}
