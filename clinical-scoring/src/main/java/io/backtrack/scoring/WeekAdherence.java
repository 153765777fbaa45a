package io.backtrack.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One plan week: sessions expected and counted; a week on hold expects none and is never missed.
 * {@code percent} is truncated (as in 1.0), {@code percentage} is reported to one decimal.
 */
public record WeekAdherence(int week, LocalDate start, LocalDate end, boolean onHold, int expected, int completed,
        Integer percent, BigDecimal percentage, boolean missed) {
}
