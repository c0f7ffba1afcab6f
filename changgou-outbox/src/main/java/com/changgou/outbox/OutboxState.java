package com.changgou.outbox;

/** An outbox row is NEW until the broker confirmed it, then SENT. Stored by name. */
public enum OutboxState {
    NEW,
    SENT;

    /** The one move: NEW → SENT, on the broker's confirm. A SENT row only waits to be deleted. */
    public boolean canMoveTo(OutboxState next) {
        return this == NEW && next == SENT;
    }
}
