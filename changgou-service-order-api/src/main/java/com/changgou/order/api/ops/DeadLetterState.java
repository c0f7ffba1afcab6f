package com.changgou.order.api.ops;

/**
 * A dead letter waits (OPEN) until an operator re-drives it (REDRIVEN: it then applied through the
 * consumer's own path) or discards it (DISCARDED), each with a reason. A re-drive that fails again
 * leaves it OPEN with the new reason.
 */
public enum DeadLetterState {
    OPEN,
    REDRIVEN,
    DISCARDED;

    public boolean canMoveTo(DeadLetterState next) {
        return this == OPEN && next != OPEN;
    }
}
