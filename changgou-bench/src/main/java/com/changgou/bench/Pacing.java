package com.changgou.bench;

/**
 * A fixed send rate, and the instant each send was meant to leave. A paced run measures latency from
 * the intended instant, not from the one its send really left at: when the sender stalls, the sends
 * held up behind it are charged the time they waited, as a shopper's would have been, instead of
 * leaving late and looking fast (coordinated omission).
 */
record Pacing(long startNanos, long intervalNanos) {

    static Pacing perSecond(int rate, long startNanos) {
        return new Pacing(startNanos, 1_000_000_000L / rate);
    }

    /** When the {@code i}-th send (from 0) was meant to leave. */
    long intendedNanos(int i) {
        return startNanos + i * intervalNanos;
    }
}
