package io.backtrack.platform.fhir;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading BackTrack's ids out of FHIR ids: a record's UUID ({@code <uuid>}), or the UUID a derived
 * resource is named after ({@code <uuid>-<part>}, e.g. an intake's Observations). FHIR ids are
 * case-sensitive and ours are lowercase, so an id in another case, like any id that is not one of
 * ours, names nothing: "not found", like a record the caller may not see.
 */
public final class FhirIds {

    private static final int UUID_LENGTH = 36;

    private FhirIds() {
    }

    public static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No such resource."));
    }

    /** The id as a UUID in canonical form. */
    public static UUID uuid(String id) {
        if (id.length() != UUID_LENGTH) {
            throw notFound();
        }
        return uuidAt(id);
    }

    /** The UUID a FHIR id starts with: the whole id, or the part before {@code -<part>}. */
    public static UUID uuidAt(String id) {
        if (id.length() < UUID_LENGTH || id.length() > UUID_LENGTH && id.charAt(UUID_LENGTH) != '-') {
            throw notFound();
        }
        return parse(id.substring(0, UUID_LENGTH)).orElseThrow(FhirIds::notFound);
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
