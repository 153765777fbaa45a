package io.backtrack.contracts.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a share is reported to people: a percentage to one decimal, rounded half-up (22 of 30 → 73.3,
 * 1 of 3 → 33.3), capped at 100. Decisions never read it: they compare the counts exactly.
 */
public final class ReportedPercent {

    private ReportedPercent() {
    }

    /** {@code part ÷ whole × 100} to one decimal; 100 when nothing was expected. */
    public static BigDecimal of(long part, long whole) {
        if (whole <= 0 || part >= whole) {
            return new BigDecimal("100.0");
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The 1.0 contract's integer: truncated and capped at 100. */
    public static int truncated(long part, long whole) {
        return whole <= 0 ? 100 : (int) Math.min(100, part * 100 / whole);
    }
}
