package com.changgou.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Runs asynchronous calls with at most {@code concurrency} in flight: a bounded pool of callers. */
final class Bounded {

    /** What came back, in completion order, and how many calls failed (with the first failure). */
    record Outcome<R>(List<R> results, int failures, Throwable firstFailure) {
    }

    private Bounded() {
    }

    static <T, R> Outcome<R> run(List<T> items, int concurrency, Function<T, CompletableFuture<R>> call) {
        Semaphore permits = new Semaphore(concurrency);
        List<R> results = Collections.synchronizedList(new ArrayList<>(items.size()));
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> first = new AtomicReference<>();
        List<CompletableFuture<?>> calls = new ArrayList<>(items.size());
        for (T item : items) {
            permits.acquireUninterruptibly();
            calls.add(call.apply(item).whenComplete((result, error) -> {
                permits.release();
                if (error != null) {
                    failures.incrementAndGet();
                    first.compareAndSet(null, error);
                } else {
                    results.add(result);
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Outcome<>(List.copyOf(results), failures.get(), first.get());
    }
}
