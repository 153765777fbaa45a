package io.backtrack.plan.profile;

import io.backtrack.plan.sessions.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the clinical facts of a patient that plan validation needs. */
@ApplicationScoped
public class ClinicalProfiles {

    public Uni<ClinicalProfile> of(PatientProfile profile) {
        return OpenRedFlag.ofPatient(profile.patientId).chain(flags -> deficitReportedInASession(profile)
                .map(reported -> new ClinicalProfile(profile.patientId, profile.clinicId, profile.conditions,
                        profile.progressiveDeficitRecorded || reported, flags.stream().map(f -> f.flag).toList())));
    }

    private static Uni<Boolean> deficitReportedInASession(PatientProfile profile) {
        return profile.progressiveDeficitRecorded
                ? Uni.createFrom().item(true)
                : Session.count("patientId = ?1 and motorDeficit = true", profile.patientId).map(count -> count > 0);
    }
}
