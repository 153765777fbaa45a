package io.backtrack.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies, in milliseconds. */
record Latencies(int count, double p50, double p99, double max) {

    static Latencies ofNanos(long[] nanos, int count) {
        if (count == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Latencies(count, millis(sorted, 0.50), millis(sorted, 0.99), sorted[count - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
