package io.backtrack.patient.intake;

import io.backtrack.patient.redflag.RedFlagView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An intake as the clinic sees it: the answers, the assessment, the red flags it raised with their
 * current state, and whether the patient is cleared for therapy now.
 */
public record IntakeView(
        UUID id,
        UUID patientId,
        LocalDate intakeDate,
        Instant recordedAt,
        IntakeRequest answers,
        IntakeAssessment assessment,
        List<RedFlagView> redFlags,
        boolean clearedForTherapy) {
}
