package io.backtrack.patient.intake;

import io.backtrack.contracts.clinical.EpisodeStage;
import io.backtrack.contracts.clinical.WatchFlagCode;
import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.patient.screening.RedFlagRule;
import io.backtrack.scoring.OdiScore;
import java.math.BigDecimal;
import java.util.List;

/** What the intake screen derived from the answers (docs/clinical-rules.md §1). */
public record IntakeFindings(
        EpisodeStage stage,
        StartBackResult startBack,
        OdiScore odi,
        boolean odiScored,
        BigDecimal psfsMean,
        List<RedFlagRule> redFlags,
        List<WatchFlagCode> watchFlags,
        boolean chronicPainSyndrome) {

    /** The ODI percent, or null when too few sections were answered. */
    public BigDecimal odiPercent() {
        return odiScored ? odi.percent() : null;
    }

    public Integer odiRawSum() {
        return odiScored ? odi.rawSum() : null;
    }

    /** The rule that explains a missing ODI score, or null when there is one. */
    public String odiMissingReason() {
        return odiScored ? null : OdiScore.MIN_SECTIONS_RULE;
    }
}
