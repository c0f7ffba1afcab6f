package com.changgou.pay.outbox;

/** An outbox row is NEW until the broker confirmed it, then SENT. */
enum OutboxState {
    NEW,
    SENT;

    /** The one move: NEW → SENT, on the broker's confirm. A SENT row only waits to be deleted. */
    boolean canMoveTo(OutboxState next) {
        return this == NEW && next == SENT;
    }
}
