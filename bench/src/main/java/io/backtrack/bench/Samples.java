package io.backtrack.bench;

/** Latencies recorded by many threads at once, up to a fixed number. */
final class Samples {

    private final long[] nanos;
    private int count;
    private long errors;

    Samples(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long latencyNanos) {
        if (count < nanos.length) {
            nanos[count++] = latencyNanos;
        }
    }

    synchronized void error() {
        errors++;
    }

    synchronized long errors() {
        return errors;
    }

    synchronized Latencies latencies() {
        return Latencies.ofNanos(nanos, count);
    }
}
