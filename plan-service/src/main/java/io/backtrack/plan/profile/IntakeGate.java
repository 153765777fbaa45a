package io.backtrack.plan.profile;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * A plan is decided on the whole clinical picture: it is created, revised or resumed only once this
 * service has applied the intake the clinician based it on (or, when the request names none, at
 * least one intake). Before that the answer is 409 {@code intake-pending} with Retry-After.
 */
@ApplicationScoped
public class IntakeGate {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Caller caller;

    public IntakeGate(Caller caller) {
        this.caller = caller;
    }

    public static ProblemException pending(String detail) {
        return new ProblemException(Problem.conflict("intake-pending", detail
                + " Retry shortly; GET /api/v1/patients/{patientId}/clinical-profile shows the intakes applied."),
                RETRY_AFTER);
    }

    /**
     * Passes when {@code basedOnIntake} (or, if null, any intake) of this patient has been applied here.
     * An intake of another patient the caller may reach is named as such (422); one of a patient they
     * may not reach is as unknown to them as an intake never applied.
     */
    public Uni<Void> require(PatientProfile profile, UUID basedOnIntake) {
        if (basedOnIntake == null) {
            if (profile.latestIntakeId == null) {
                throw pending("No intake of patient " + profile.patientId + " has been applied by plan-service yet.");
            }
            return Uni.createFrom().voidItem();
        }
        return AppliedIntake.<AppliedIntake>findById(basedOnIntake).chain(intake -> {
            if (intake == null) {
                throw notApplied(basedOnIntake);
            }
            if (intake.patientId.equals(profile.patientId)) {
                return Uni.createFrom().voidItem();
            }
            return PatientProfile.<PatientProfile>findById(intake.patientId).invoke(owner -> {
                if (owner == null || !caller.mayReachPatient(owner.clinicId, owner.loginSubject)) {
                    throw notApplied(basedOnIntake);
                }
                throw new ProblemException(Problem.unprocessable("intakeId", "intake-of-patient",
                        "Intake " + basedOnIntake + " is not an intake of patient " + profile.patientId + "."));
            }).replaceWithVoid();
        });
    }

    private static ProblemException notApplied(UUID intakeId) {
        return pending("plan-service has not applied intake " + intakeId + " yet.");
    }
}
