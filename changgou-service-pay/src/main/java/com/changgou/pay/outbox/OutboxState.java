package com.changgou.pay.outbox;

/** An outbox row is NEW until the broker confirmed it, then SENT. */
enum OutboxState {
    NEW,
    SENT
}
