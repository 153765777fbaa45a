package io.backtrack.plan.adherence;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.scoring.AdherenceWindow;
import io.backtrack.scoring.WeekAdherence;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Adherence per week (weeks that have ended) and overall so far, and the missed weeks among them,
 * each with the run of consecutive missed weeks it ends (as its adherence-missed event says).
 */
public record AdherenceView(UUID planId, int thresholdPercent, List<WeekAdherence> weeks, AdherenceSnapshot overall,
        List<MissedWeek> missedWeeks) {

    /** A missed week: sessions expected and completed, and how many missed weeks in a row end with it. */
    public record MissedWeek(int week, LocalDate start, LocalDate end, int expected, int completed, int consecutive) {
    }

    public static AdherenceView of(UUID planId, int thresholdPercent, AdherenceWindow window, int endedWeeks) {
        List<WeekAdherence> weeks = IntStream.rangeClosed(1, endedWeeks).mapToObj(window::week).toList();
        List<MissedWeek> missed = weeks.stream().filter(WeekAdherence::missed)
                .map(w -> new MissedWeek(w.week(), w.start(), w.end(), w.expected(), w.completed(),
                        window.consecutiveMissed(w.week())))
                .toList();
        return new AdherenceView(planId, thresholdPercent, weeks, window.until(endedWeeks * 7), missed);
    }
}
