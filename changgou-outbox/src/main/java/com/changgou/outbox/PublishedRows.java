package com.changgou.outbox;

/** Told how many rows of an exchange the relay marked SENT; {@link #NONE} when nobody counts them. */
@FunctionalInterface
interface PublishedRows {

    void add(String exchange, int rows);

    PublishedRows NONE = (exchange, rows) -> {
    };
}
