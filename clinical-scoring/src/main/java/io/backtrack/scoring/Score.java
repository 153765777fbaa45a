package io.backtrack.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measure's exact value as a fraction, so MCID and threshold comparisons never round: an ODI of
 * 17 over 9 sections is 340/9 %, shown as 37.8 but compared as 340/9.
 */
public record Score(long numerator, long denominator) {

    public Score {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    public static Score of(long whole) {
        return new Score(whole, 1);
    }

    /** A decimal exactly, e.g. 4.5 → 45/10. */
    public static Score of(BigDecimal value) {
        BigDecimal plain = value.setScale(Math.max(0, value.scale()));
        return new Score(plain.unscaledValue().longValueExact(), BigDecimal.TEN.pow(plain.scale()).longValueExact());
    }

    public Score minus(Score other) {
        return new Score(numerator * other.denominator - other.numerator * denominator, denominator * other.denominator);
    }

    public Score negate() {
        return new Score(-numerator, denominator);
    }

    public boolean atLeast(long value) {
        return numerator >= value * denominator;
    }

    public boolean isZero() {
        return numerator == 0;
    }

    /** this × 100 ≥ base × percent, in integers. */
    public boolean atLeastPercentOf(Score base, long percent) {
        return numerator * 100 * base.denominator >= percent * base.numerator * denominator;
    }

    /** The value for display: whole numbers as they are, fractions half-up to one decimal. */
    public BigDecimal display() {
        if (numerator % denominator == 0) {
            return BigDecimal.valueOf(numerator / denominator);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
