package io.backtrack.plan.profile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the clinical facts of a patient that plan validation needs. */
@ApplicationScoped
public class ClinicalProfiles {

    public Uni<ClinicalProfile> of(PatientProfile profile) {
        return OpenRedFlag.ofPatient(profile.patientId).map(flags -> new ClinicalProfile(profile.patientId,
                profile.clinicId, profile.conditions, profile.progressiveDeficitRecorded,
                flags.stream().map(f -> f.flag).toList()));
    }
}
