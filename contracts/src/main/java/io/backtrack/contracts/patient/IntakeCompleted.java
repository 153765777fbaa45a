package io.backtrack.contracts.patient;

import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.RedFlagFinding;
import io.backtrack.contracts.clinical.WatchFlagCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An intake assessment was completed: the clinical facts the plan and outcome services need. */
public record IntakeCompleted(
        UUID patientId,
        String clinicId,
        UUID intakeId,
        LocalDate intakeDate,
        LocalDate onsetDate,
        EpisodeStage stage,
        List<String> conditions,
        List<String> symptoms,
        List<RedFlagFinding> redFlags,
        List<WatchFlagCode> watchFlags,
        StartBackResult startBack,
        IntakeBaseline baseline,
        boolean motorDeficit,
        boolean chronicPainSyndrome,
        boolean clearedForTherapy,
        Instant completedAt) {
}
