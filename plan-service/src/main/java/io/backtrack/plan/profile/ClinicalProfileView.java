package io.backtrack.plan.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What plan-service knows of a patient's clinical picture, and from which intakes. A front-end shows
 * it, or polls it until {@code appliedIntakes} names the intake a new plan is based on.
 */
public record ClinicalProfileView(
        UUID patientId,
        String clinicId,
        UUID latestIntakeId,
        List<Intake> appliedIntakes,
        List<String> conditions,
        boolean motorDeficit,
        boolean progressiveDeficitRecorded,
        List<Flag> openRedFlags,
        boolean clearedForTherapy,
        Instant updatedAt) {

    public record Intake(UUID intakeId, LocalDate intakeDate, Instant appliedAt) {
    }

    /** A flag a session reported carries its {@code sessionId}, and no urgency until patient-service raised it. */
    public record Flag(UUID flagId, String flag, String urgency, UUID sessionId) {
    }

    static ClinicalProfileView of(PatientProfile profile, List<AppliedIntake> intakes, List<OpenRedFlag> flags) {
        return new ClinicalProfileView(profile.patientId, profile.clinicId, profile.latestIntakeId,
                intakes.stream().map(i -> new Intake(i.intakeId, i.intakeDate, i.appliedAt)).toList(),
                profile.conditions, profile.motorDeficit, profile.progressiveDeficitRecorded,
                flags.stream().map(f -> new Flag(f.flagId, f.flag, f.urgency, f.sessionId)).toList(),
                flags.isEmpty(), profile.updatedAt);
    }
}
