package io.backtrack.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over an entry's content and the seal of the entry before it in its chain. Every field
 * is written with its length, and a missing one as {@code -}, so no two different entries (NULL and
 * an empty text, or a value holding the separator) read the same.
 */
@ApplicationScoped
public class AuditSeal {

    static final String GENESIS = "0".repeat(64);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AuditSeal(AuditConfig config) {
        byte[] secret = config.hmacKey().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("backtrack.audit.hmac-key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The seal of an entry whose chain fields and previous seal are set. */
    public String of(AuditEntry e) {
        String canonical = Stream.of(e.chainKey, e.chainSeq, e.previousHash, e.id, e.occurredAt, e.actor, e.actorRole,
                        e.clinicId, e.action, e.resourceType, e.resourceId, e.patientId, e.detail)
                .map(value -> value == null ? "-" : lengthPrefixed(Objects.toString(value)))
                .collect(Collectors.joining("|"));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e1) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e1);
        }
    }

    private static String lengthPrefixed(String value) {
        return value.length() + ":" + value;
    }
}
