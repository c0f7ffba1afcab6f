package com.changgou.order.deadletter;

import com.changgou.order.api.ops.DeadLetterState;

/** The dead letter is no longer OPEN: an operator decided on it already. A 409. */
public class DeadLetterDecidedException extends RuntimeException {

    public DeadLetterDecidedException(long id, DeadLetterState state) {
        super("dead letter %d is %s already: only an OPEN one can be re-driven or discarded".formatted(id, state));
    }
}
