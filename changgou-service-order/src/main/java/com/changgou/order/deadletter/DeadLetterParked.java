package com.changgou.order.deadletter;

/** A dead letter from {@code queue} was stored (a new row, not a redelivery), published after the commit. */
public record DeadLetterParked(String queue) {
}
