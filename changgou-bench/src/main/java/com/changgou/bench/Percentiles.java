package com.changgou.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of measured durations, in milliseconds, read from an HdrHistogram of microseconds kept to
 * three significant digits: each figure is a measured duration to within 0.1%, rounded up, never an
 * average of two.
 */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    private static final int SIGNIFICANT_DIGITS = 3;

    /** Durations in nanoseconds; a paced run measures them from each send's intended instant ({@link Pacing}). */
    static Percentiles ofNanos(Collection<Long> nanos) {
        // auto-resizing: no duration is too long to record, however long the suite stalled
        Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
        nanos.forEach(n -> micros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(n))));
        if (micros.getTotalCount() == 0) {
            throw new IllegalArgumentException("no samples to take percentiles of");
        }
        return new Percentiles(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)), millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
