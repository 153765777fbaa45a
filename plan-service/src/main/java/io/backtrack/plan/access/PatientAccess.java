package io.backtrack.plan.access;

import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Finds patients and plans the caller may reach: a clinician only in their own clinic, a patient
 * only their own. Anything else is "not found", so other clinics' ids are not disclosed.
 */
@RequestScoped
public class PatientAccess {

    private final Caller caller;

    public PatientAccess(Caller caller) {
        this.caller = caller;
    }

    public Uni<PatientProfile> patient(UUID patientId) {
        return PatientProfile.<PatientProfile>findById(patientId).map(profile -> {
            if (profile == null || !maySee(profile)) {
                throw new ProblemException(Problem.notFound("No patient " + patientId + "."));
            }
            return profile;
        });
    }

    public Uni<Plan> plan(UUID planId) {
        return Plan.<Plan>findById(planId)
                .chain(plan -> plan == null
                        ? Uni.createFrom().<Plan>nullItem()
                        : PatientProfile.<PatientProfile>findById(plan.patientId)
                                .map(profile -> profile != null && maySee(profile) ? plan : null))
                .map(plan -> {
                    if (plan == null) {
                        throw new ProblemException(Problem.notFound("No plan " + planId + "."));
                    }
                    return plan;
                });
    }

    private boolean maySee(PatientProfile profile) {
        if (caller.isClinician()) {
            return profile.clinicId.equals(caller.requiredClinicId());
        }
        if (caller.isPatient()) {
            return caller.subject().equals(profile.loginSubject);
        }
        return false;
    }
}
