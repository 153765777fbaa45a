package io.backtrack.patient.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An ODI result: the raw sum over the answered sections, or no score when fewer than the minimum
 * were answered (rule ODI-MIN-SECTIONS). The percentage is sum ÷ (5 × answered) × 100, shown rounded
 * half-up to one decimal; comparisons use the exact fraction.
 */
public record OdiScore(int rawSum, int sectionsAnswered, boolean scored) {

    public static final String MIN_SECTIONS_RULE = "ODI-MIN-SECTIONS";

    public static OdiScore of(OdiAnswers answers, ScreeningRules rules) {
        var answered = answers.answered();
        int sum = answered.stream().mapToInt(Integer::intValue).sum();
        return new OdiScore(sum, answered.size(), answered.size() >= rules.odiMinSections());
    }

    public BigDecimal percent() {
        if (!scored) {
            return null;
        }
        return BigDecimal.valueOf(rawSum * 100L).divide(BigDecimal.valueOf(5L * sectionsAnswered), 1, RoundingMode.HALF_UP);
    }

    public String missingReason() {
        return scored ? null : MIN_SECTIONS_RULE;
    }
}
