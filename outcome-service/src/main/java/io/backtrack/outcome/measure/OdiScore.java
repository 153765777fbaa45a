package io.backtrack.outcome.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An ODI scored as in patient intake: raw sum over the answered sections; the percentage is
 * sum ÷ (5 × answered) × 100, shown half-up to one decimal; comparisons use {@link #exact()}.
 * A stand-alone measure with fewer than the minimum sections answered has no score (ODI-MIN-SECTIONS).
 */
public record OdiScore(int rawSum, int sectionsAnswered) {

    public static final String MIN_SECTIONS_RULE = "ODI-MIN-SECTIONS";
    public static final int MIN_SECTIONS = 8;

    public static OdiScore of(OdiAnswers answers) {
        var answered = answers.answered();
        return new OdiScore(answered.stream().mapToInt(Integer::intValue).sum(), answered.size());
    }

    public boolean scored() {
        return sectionsAnswered >= MIN_SECTIONS;
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(rawSum * 100L).divide(BigDecimal.valueOf(5L * sectionsAnswered), 1, RoundingMode.HALF_UP);
    }

    public Score exact() {
        return Score.odiPercent(rawSum, sectionsAnswered);
    }
}
