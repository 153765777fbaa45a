package io.backtrack.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an {@code Idempotency-Key} promises a phone that retries: the same key with the same body
 * gets the first result; the same key with another body is refused, never answered with the first
 * record. A request is compared by the fingerprint of its parsed body, so formatting does not matter.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final ObjectMapper json;

    public IdempotencyKeys(ObjectMapper json) {
        this.json = json;
    }

    public String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed request must serialize", e);
        }
    }

    /** Passes when the record stored under the key was made from this very request. */
    public void requireSameRequest(String key, String storedFingerprint, Object request) {
        if (!fingerprint(request).equals(storedFingerprint)) {
            throw new ProblemException(Problem.unprocessable(HEADER, "idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used for a different request here; use a new key."));
        }
    }
}
