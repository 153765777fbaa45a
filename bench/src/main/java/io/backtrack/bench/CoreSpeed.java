package io.backtrack.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast one core of this machine is right now, before anything else runs: SHA-256 over a buffer in
 * one thread, once the JIT has compiled it. Two runs' figures compare only when this one does, as a
 * shared host's cores are not equally fast every day and neither pgbench (bound by disk flushes) nor
 * the Kafka round trip (bound by latency) shows it; an equal figure is not enough, though
 * ({@link Machine#summary()}).
 */
final class CoreSpeed {

    private static final byte[] BUFFER = new byte[1 << 20];

    private CoreSpeed() {
    }

    /** MiB hashed per second, measured over 3 s after 2 s of warm-up. */
    static double sha256MiBPerSecond() throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        hashFor(sha256, 2_000_000_000L);
        long start = System.nanoTime();
        long mib = hashFor(sha256, 3_000_000_000L);
        return mib / ((System.nanoTime() - start) / 1e9);
    }

    private static long hashFor(MessageDigest sha256, long nanos) {
        long until = System.nanoTime() + nanos;
        long mib = 0;
        while (System.nanoTime() < until) {
            sha256.update(BUFFER);
            sha256.digest();
            mib++;
        }
        return mib;
    }
}
