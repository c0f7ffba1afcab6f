package com.changgou.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdWorkerTest {

    @Test
    void idsFromManyThreadsAreUniqueAndGrowWithinEachThread() throws Exception {
        IdWorker worker = new IdWorker(3, 1);
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> draw = () -> {
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = worker.nextId();
                    }
                    return ids;
                };
                futures.add(pool.submit(draw));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> future : futures) {
                long[] ids = future.get();
                for (int i = 0; i < ids.length; i++) {
                    if (i > 0) {
                        assertThat(ids[i]).isGreaterThan(ids[i - 1]);
                    }
                    all.add(ids[i]);
                }
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesToGenerateWhenTheClockMovesBackwards() {
        AtomicLong now = new AtomicLong(IdWorker.EPOCH + 10_000);
        IdWorker worker = new IdWorker(0, 0, now::get);
        long first = worker.nextId();
        now.addAndGet(-5);

        assertThatThrownBy(worker::nextId)
                .isInstanceOf(IdWorker.ClockMovedBackwardsException.class)
                .hasMessageContaining("5 ms");

        now.addAndGet(10);
        assertThat(worker.nextId()).isGreaterThan(first);
    }

    @Test
    void workersWithDifferentIdsNeverCollideInTheSameMillisecond() {
        AtomicLong now = new AtomicLong(IdWorker.EPOCH + 1);
        IdWorker a = new IdWorker(1, 0, now::get);
        IdWorker b = new IdWorker(2, 0, now::get);
        IdWorker c = new IdWorker(1, 1, now::get);

        assertThat(Set.of(a.nextId(), b.nextId(), c.nextId())).hasSize(3);
    }

    @Test
    void rollsIntoTheNextMillisecondWhenTheSequenceIsExhausted() {
        AtomicLong now = new AtomicLong(IdWorker.EPOCH + 1);
        AtomicLong reads = new AtomicLong();
        IdWorker worker = new IdWorker(0, 0, () -> reads.incrementAndGet() > 4097 ? now.get() + 1 : now.get());
        long last = 0;
        for (int i = 0; i < 4097; i++) {
            long id = worker.nextId();
            assertThat(id).isGreaterThan(last);
            last = id;
        }
        assertThat(last >>> 22).isEqualTo(2);
    }

    @Test
    void rejectsWorkerAndDatacenterIdsThatDoNotFit() {
        assertThatThrownBy(() -> new IdWorker(IdWorker.MAX_WORKER_ID + 1, 0)).hasMessageContaining("worker id 32");
        assertThatThrownBy(() -> new IdWorker(0, -1)).hasMessageContaining("datacenter id -1");
    }
}
