package com.changgou.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a set of measured durations, in milliseconds. Nearest rank (not
 * interpolation) so that every reported figure is a latency that one payment really had.
 */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofMillis(Collection<Double> millis) {
        return ofMillis(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Percentiles ofMillis(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples to take percentiles of");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The smallest sample with at least {@code percent}% of the samples at or below it. */
    static double rank(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
