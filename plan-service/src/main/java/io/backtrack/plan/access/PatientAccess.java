package io.backtrack.plan.access;

import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.profile.IntakeGate;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.profile.ProfileLock;
import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Finds patients and plans the caller may reach: a clinician only in their own clinic, a patient
 * only their own. Anything else is "not found", so other clinics' ids are not disclosed, and audited
 * ({@link OutOfReachException}). Changes of
 * a patient's plans find them under the patient's profile lock.
 */
@RequestScoped
public class PatientAccess {

    private static final String PLAN = "plan";

    private final Caller caller;
    private final ProfileLock lock;

    public PatientAccess(Caller caller, ProfileLock lock) {
        this.caller = caller;
        this.lock = lock;
    }

    public Uni<PatientProfile> patient(UUID patientId) {
        return PatientProfile.<PatientProfile>findById(patientId).map(profile -> reachable(profile, patientId));
    }

    /**
     * The patient's profile, locked for a change of their plans. A request based on an intake of a
     * patient this service has not heard of yet is pending, not unknown; so is one about a patient the
     * caller may not reach, or the two answers would tell which ids exist in other clinics.
     */
    public Uni<PatientProfile> patientForChange(UUID patientId, UUID basedOnIntake) {
        return lock.lock(patientId).map(profile -> {
            if ((profile == null || !reaches(profile)) && basedOnIntake != null) {
                throw IntakeGate.pending("plan-service has not applied intake " + basedOnIntake + " of patient "
                        + patientId + " yet.");
            }
            return reachable(profile, patientId);
        });
    }

    public Uni<Plan> plan(UUID planId) {
        return Plan.<Plan>findById(planId)
                .chain(plan -> plan == null
                        ? Uni.createFrom().<Plan>failure(new OutOfReachException(PLAN, planId, null))
                        : PatientProfile.<PatientProfile>findById(plan.patientId).map(profile -> {
                            if (profile == null || !reaches(profile)) {
                                throw new OutOfReachException(PLAN, planId, plan.patientId);
                            }
                            return plan;
                        }));
    }

    /**
     * A plan loaded under its patient's profile lock, so that no patient event, status change or
     * other session of the patient is written meanwhile.
     */
    public Uni<PlanUnderLock> planForChange(UUID planId) {
        return lock.patientOfPlan(planId).chain(patientId -> patientId == null
                ? Uni.createFrom().<PlanUnderLock>failure(new OutOfReachException(PLAN, planId, null))
                : lock.lock(patientId).chain(profile -> {
                    if (profile == null || !reaches(profile)) {
                        throw new OutOfReachException(PLAN, planId, patientId);
                    }
                    return Plan.<Plan>findById(planId).map(plan -> {
                        if (plan == null) {
                            throw new OutOfReachException(PLAN, planId, null);
                        }
                        return new PlanUnderLock(plan, profile);
                    });
                }));
    }

    /** A plan and its patient's profile, locked together. */
    public record PlanUnderLock(Plan plan, PatientProfile profile) {
    }

    private PatientProfile reachable(PatientProfile profile, UUID patientId) {
        if (profile == null || !reaches(profile)) {
            throw new OutOfReachException("patient", patientId, profile == null ? null : profile.patientId);
        }
        return profile;
    }

    private boolean reaches(PatientProfile profile) {
        return caller.mayReachPatient(profile.clinicId, profile.loginSubject);
    }
}
