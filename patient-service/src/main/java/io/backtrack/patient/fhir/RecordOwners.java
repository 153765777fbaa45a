package io.backtrack.patient.fhir;

import io.backtrack.patient.intake.Intake;
import io.backtrack.patient.redflag.RedFlag;
import io.backtrack.platform.fhir.FhirIds;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whose record a FHIR id names, so that a read goes through the same access check and audit as a
 * search of that patient. An id of no record is "not found", like an id the caller may not see.
 */
@ApplicationScoped
class RecordOwners {

    @WithSession
    Uni<UUID> ofIntake(UUID intakeId) {
        return Intake.<Intake>findById(intakeId).map(intake -> owner(intakeId, intake == null ? null : intake.patientId));
    }

    @WithSession
    Uni<UUID> ofRedFlag(UUID flagId) {
        return RedFlag.<RedFlag>findById(flagId).map(flag -> owner(flagId, flag == null ? null : flag.patientId));
    }

    private static UUID owner(UUID recordId, UUID patientId) {
        if (patientId == null) {
            throw FhirIds.notFound(recordId.toString());
        }
        return patientId;
    }
}
