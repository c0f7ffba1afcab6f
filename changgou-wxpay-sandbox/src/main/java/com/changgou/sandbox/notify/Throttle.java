package com.changgou.sandbox.notify;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many POSTs are in flight without ever blocking a caller: work beyond the bound waits in a queue
 * and starts when an earlier POST completes. While held, nothing new starts: everything waits in the queue,
 * in order, until {@link #release()}.
 */
final class Throttle {

    private final int maxInFlight;
    private final Semaphore permits;
    private final Queue<Supplier<CompletableFuture<?>>> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean held;

    Throttle(int maxInFlight) {
        this.maxInFlight = Math.max(1, maxInFlight);
        this.permits = new Semaphore(this.maxInFlight);
    }

    void submit(Supplier<CompletableFuture<?>> task) {
        waiting.add(task);
        drain();
    }

    void hold() {
        held = true;
    }

    void release() {
        held = false;
        drain();
    }

    boolean held() {
        return held;
    }

    int queued() {
        return waiting.size();
    }

    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    private void drain() {
        while (!held && !waiting.isEmpty() && permits.tryAcquire()) {
            Supplier<CompletableFuture<?>> next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            start(next);
        }
    }

    private void start(Supplier<CompletableFuture<?>> task) {
        CompletableFuture<?> running;
        try {
            running = task.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        running.whenComplete((result, failure) -> {
            permits.release();
            drain();
        });
    }
}
