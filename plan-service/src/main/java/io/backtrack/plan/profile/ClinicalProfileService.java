package io.backtrack.plan.profile;

import io.backtrack.plan.access.PatientAccess;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Reads the clinical profile this service keeps of a patient; every read is audited. */
@RequestScoped
public class ClinicalProfileService {

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;

    public ClinicalProfileService(Caller caller, PatientAccess access, AuditTrail audit) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<ClinicalProfileView> of(UUID patientId) {
        return access.patient(patientId).chain(profile -> AppliedIntake
                .<AppliedIntake>list("patientId = ?1 order by completedAt, intakeId", patientId)
                .chain(intakes -> OpenRedFlag.ofPatient(patientId)
                        .map(flags -> ClinicalProfileView.of(profile, intakes, flags))))
                .call(view -> audit.record(Actor.of(caller), AuditAction.READ, "clinical-profile", patientId, patientId));
    }
}
