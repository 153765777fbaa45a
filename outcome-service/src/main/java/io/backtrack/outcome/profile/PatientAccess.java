package io.backtrack.outcome.profile;

import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Finds a patient the caller may see: a clinician only in their own clinic, a patient only their
 * own record (linked by the login subject of patient-registered). Anything else is "not found", and
 * audited ({@link OutOfReachException}).
 */
@RequestScoped
public class PatientAccess {

    private final Caller caller;

    public PatientAccess(Caller caller) {
        this.caller = caller;
    }

    public Uni<PatientProfile> find(UUID patientId) {
        return PatientProfile.<PatientProfile>findById(patientId).map(profile -> {
            if (profile == null || !caller.mayReachPatient(profile.clinicId, profile.loginSubject)) {
                throw new OutOfReachException("patient", patientId, profile == null ? null : profile.patientId);
            }
            return profile;
        });
    }

    /** For records that carry their patient's clinic: a clinician of that clinic only. */
    public void requireClinicianOf(String clinicId, String resourceType, UUID resourceId, UUID patientId) {
        if (!caller.isClinician() || !clinicId.equals(caller.requiredClinicId())) {
            throw new OutOfReachException(resourceType, resourceId, patientId);
        }
    }
}
