package io.backtrack.platform.fhir;

import io.backtrack.platform.audit.OutOfReachException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading BackTrack's ids out of FHIR ids: a record's UUID ({@code <uuid>}), or the UUID a derived
 * resource is named after ({@code <uuid>-<part>}, e.g. an intake's Observations). FHIR ids are
 * case-sensitive and ours are lowercase, so an id in another case, like any id that is not one of
 * ours, names nothing: "not found", like a record the caller may not see, and audited as one.
 */
public final class FhirIds {

    private static final int UUID_LENGTH = 36;
    private static final String RESOURCE_TYPE = "fhir-resource";

    private FhirIds() {
    }

    /** The answer to an id that names no resource: 404, audited like a refusal ({@link OutOfReachException}). */
    public static OutOfReachException notFound(String id) {
        return new OutOfReachException(RESOURCE_TYPE, id, null);
    }

    /** The id as a UUID in canonical form. */
    public static UUID uuid(String id) {
        if (id.length() != UUID_LENGTH) {
            throw notFound(id);
        }
        return uuidAt(id);
    }

    /** The UUID a FHIR id starts with: the whole id, or the part before {@code -<part>}. */
    public static UUID uuidAt(String id) {
        if (id.length() < UUID_LENGTH || id.length() > UUID_LENGTH && id.charAt(UUID_LENGTH) != '-') {
            throw notFound(id);
        }
        return parse(id.substring(0, UUID_LENGTH)).orElseThrow(() -> notFound(id));
    }

    /** {@code text} as a UUID in canonical (lowercase) form, or empty when it is not one. */
    public static Optional<UUID> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
