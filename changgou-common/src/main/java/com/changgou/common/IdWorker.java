package com.changgou.common;

import java.util.function.LongSupplier;

/**
 * Snowflake ids: 41 bits of milliseconds since {@link #EPOCH}, 5 bits of datacenter, 5 bits of
 * worker, 12 bits of sequence. Ids from one worker grow strictly; two workers with different
 * (datacenter, worker) pairs never collide.
 *
 * <p>When the clock moves backwards the worker refuses to hand out ids rather than risk a
 * duplicate: a duplicate order or trade number is worse than a failed request.
 */
public final class IdWorker {

    /** 2020-01-01T00:00:00Z. */
    public static final long EPOCH = 1_577_836_800_000L;

    private static final int SEQUENCE_BITS = 12;
    private static final int WORKER_BITS = 5;
    private static final int DATACENTER_BITS = 5;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    static final long MAX_WORKER_ID = (1L << WORKER_BITS) - 1;
    static final long MAX_DATACENTER_ID = (1L << DATACENTER_BITS) - 1;

    private final long workerId;
    private final long datacenterId;
    private final LongSupplier clock;
    private long lastMillis = -1L;
    private long sequence;

    public IdWorker(long workerId, long datacenterId) {
        this(workerId, datacenterId, System::currentTimeMillis);
    }

    IdWorker(long workerId, long datacenterId, LongSupplier clock) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker id %d is outside 0..%d".formatted(workerId, MAX_WORKER_ID));
        }
        if (datacenterId < 0 || datacenterId > MAX_DATACENTER_ID) {
            throw new IllegalArgumentException(
                    "datacenter id %d is outside 0..%d".formatted(datacenterId, MAX_DATACENTER_ID));
        }
        this.workerId = workerId;
        this.datacenterId = datacenterId;
        this.clock = clock;
    }

    public synchronized long nextId() {
        long now = clock.getAsLong();
        if (now < lastMillis) {
            throw new ClockMovedBackwardsException(lastMillis - now);
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = waitForNextMillis(lastMillis);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << (SEQUENCE_BITS + WORKER_BITS + DATACENTER_BITS))
                | (datacenterId << (SEQUENCE_BITS + WORKER_BITS))
                | (workerId << SEQUENCE_BITS)
                | sequence;
    }

    private long waitForNextMillis(long last) {
        long now = clock.getAsLong();
        while (now <= last) {
            Thread.onSpinWait();
            now = clock.getAsLong();
        }
        return now;
    }

    /** Thrown instead of an id that could repeat one already handed out. */
    public static final class ClockMovedBackwardsException extends IllegalStateException {
        ClockMovedBackwardsException(long millis) {
            super("clock moved backwards by %d ms; refusing to generate ids".formatted(millis));
        }
    }
}
