package io.backtrack.platform.audit;

import java.time.Instant;

/**
 * The head of one audit chain as published outside the database, keyed by {@link #key()} on a
 * compacted topic, so the newest anchor of every chain stays readable.
 */
public record AuditAnchor(String service, String chain, long seq, String hash, long entryId, Instant anchoredAt) {

    public static final String TOPIC = "backtrack.audit-anchors.v1";

    public String key() {
        return keyOf(service, chain);
    }

    static String keyOf(String service, String chain) {
        return service + "|" + chain;
    }
}
