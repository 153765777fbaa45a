package io.backtrack.patient.intake;

import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.WatchFlagCode;
import io.backtrack.contracts.patient.StartBackResult;
import java.math.BigDecimal;
import java.util.List;

/** The derived values an intake returns and stores. */
public record IntakeAssessment(
        EpisodeStage stage,
        List<Condition> conditions,
        StartBackResult startBack,
        Odi odi,
        int painNrs,
        BigDecimal psfsMean,
        List<WatchFlagCode> watchFlags,
        boolean motorDeficit,
        boolean chronicPainSyndrome) {

    public record Condition(String code, String description) {
    }

    /** ODI percent (one decimal) with its raw sum, or the rule that explains why there is none. */
    public record Odi(BigDecimal percent, Integer rawSum, int sectionsAnswered, String missingReason) {
    }
}
