package io.backtrack.plan.adherence;

import java.time.LocalDate;

/** One plan week: sessions expected and counted; a week on hold expects none and is never missed. */
public record WeekAdherence(int week, LocalDate start, LocalDate end, boolean onHold, int expected, int completed,
        Integer percent, boolean missed) {
}
