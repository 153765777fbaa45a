package io.backtrack.outcome.fhir;

import io.backtrack.outcome.measure.Measure;
import io.backtrack.platform.fhir.FhirIds;
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
                throw FhirIds.notFound(measureId.toString());
            }
            return measure.patientId;
        });
    }
}
