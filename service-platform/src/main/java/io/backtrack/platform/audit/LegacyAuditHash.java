package io.backtrack.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The link of a scheme-1 entry (written before keyed chains): SHA-256 over the previous link and every field. */
final class LegacyAuditHash {

    static final String GENESIS = "0".repeat(64);

    private LegacyAuditHash() {
    }

    static String of(AuditEntry e) {
        String canonical = Stream.of(e.previousHash, e.id, e.occurredAt, e.actor, e.actorRole, e.clinicId, e.action,
                        e.resourceType, e.resourceId, e.patientId, e.detail)
                .map(v -> Objects.toString(v, ""))
                .map(v -> v.replace("\\", "\\\\").replace("|", "\\|"))
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
    }
}
