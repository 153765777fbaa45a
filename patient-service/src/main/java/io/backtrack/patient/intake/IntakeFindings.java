package io.backtrack.patient.intake;

import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.WatchFlagCode;
import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.patient.screening.OdiScore;
import io.backtrack.patient.screening.RedFlagRule;
import java.math.BigDecimal;
import java.util.List;

/** What the intake screen derived from the answers (escalation-rules §1). */
public record IntakeFindings(
        EpisodeStage stage,
        StartBackResult startBack,
        OdiScore odi,
        BigDecimal psfsMean,
        List<RedFlagRule> redFlags,
        List<WatchFlagCode> watchFlags,
        boolean chronicPainSyndrome) {
}
