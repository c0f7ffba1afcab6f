package com.changgou.bench;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first thing that went wrong on any of the floor's threads (a notifier, a relay worker, a
 * consumer). The floor has no retries: a failure means the figure would not be the durable work's, so
 * the run stops with it.
 */
final class FirstFailure {

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    void record(Throwable failure) {
        first.compareAndSet(null, failure);
    }

    void throwIfAny() {
        Throwable failure = first.get();
        if (failure != null) {
            throw new IllegalStateException("the floor run failed: " + failure, failure);
        }
    }
}
