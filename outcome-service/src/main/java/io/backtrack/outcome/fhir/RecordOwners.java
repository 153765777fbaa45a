package io.backtrack.outcome.fhir;

import io.backtrack.outcome.measure.Measure;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whose measure a FHIR id names, so that a read goes through the same access check and audit as a
 * search of that patient. An id of no record is "not found", like an id the caller may not see.
 */
@ApplicationScoped
class RecordOwners {

    @WithSession
    Uni<UUID> ofMeasure(UUID measureId) {
        return Measure.<Measure>findById(measureId).map(measure -> {
            if (measure == null) {
                throw notFound();
            }
            return measure.patientId;
        });
    }

    static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No such resource."));
    }

    static UUID uuid(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        throw notFound();
    }
}
