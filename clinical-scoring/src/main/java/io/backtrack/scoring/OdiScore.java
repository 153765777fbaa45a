package io.backtrack.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An Oswestry Disability Index: the raw sum over the answered sections. The percentage is
 * sum ÷ (5 × answered) × 100, shown half-up to one decimal; comparisons use the exact fraction.
 * Too few answered sections give no score (rule ODI-MIN-SECTIONS; each service sets the minimum).
 */
public record OdiScore(int rawSum, int sectionsAnswered) {

    public static final String MIN_SECTIONS_RULE = "ODI-MIN-SECTIONS";

    public static OdiScore of(OdiAnswers answers) {
        var answered = answers.answered();
        return new OdiScore(answered.stream().mapToInt(Integer::intValue).sum(), answered.size());
    }

    public boolean scoredWith(int minSections) {
        return sectionsAnswered >= minSections;
    }

    /** The percentage as an exact fraction: sum ÷ (5 × answered) × 100 = 20 × sum ÷ answered. */
    public Score exact() {
        return new Score(20L * rawSum, sectionsAnswered);
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(rawSum * 100L).divide(BigDecimal.valueOf(5L * sectionsAnswered), 1, RoundingMode.HALF_UP);
    }
}
