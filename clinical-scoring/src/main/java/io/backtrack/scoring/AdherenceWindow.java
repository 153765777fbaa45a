package io.backtrack.scoring;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReportedPercent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Adherence of one plan course (docs/clinical-rules.md §3 and §7): week k covers days 7(k−1) … 7k−1
 * after day 0, is prescribed by the version in force on its first day unless it was held, sessions are
 * dated by when they were performed, and every comparison is integer arithmetic.
 */
public record AdherenceWindow(LocalDate startDate, WeeklyPrescription prescription, Set<Integer> heldWeeks,
        List<LoggedSession> sessions, AdherenceThresholds rules) {

    /** A logged session: the day it was performed and whether it counts (at least half its exercises done). */
    public record LoggedSession(LocalDate performedOn, boolean counts) {
    }

    public static int weekOf(LocalDate startDate, LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(startDate, day), 7) + 1;
    }

    public WeekAdherence week(int week) {
        LocalDate start = startDate.plusDays(7L * (week - 1));
        LocalDate end = start.plusDays(6);
        boolean onHold = heldWeeks.contains(week);
        int expected = onHold ? 0 : prescription.sessionsPerWeekOn(start);
        int completed = (int) sessions.stream()
                .filter(LoggedSession::counts)
                .filter(s -> !s.performedOn().isBefore(start) && !s.performedOn().isAfter(end))
                .count();
        Integer percent = expected == 0 ? null : ReportedPercent.truncated(completed, expected);
        BigDecimal percentage = expected == 0 ? null : ReportedPercent.of(completed, expected);
        boolean missed = !onHold && completed * 100 < expected * rules.missedBelowPercent();
        return new WeekAdherence(week, start, end, onHold, expected, completed, percent, percentage, missed);
    }

    /** The run of consecutive missed weeks ending with this one; weeks on hold neither count nor break it. */
    public int consecutiveMissed(int week) {
        int run = 0;
        for (int k = week; k >= 1; k--) {
            WeekAdherence w = week(k);
            if (w.onHold()) {
                continue;
            }
            if (!w.missed()) {
                break;
            }
            run++;
        }
        return run;
    }

    /**
     * Adherence over [day 0, due day) in the weeks that were not held: the sessions counted in them ÷ the
     * sessions they prescribe, capped at 100; a session performed in a held week is not counted.
     */
    public AdherenceSnapshot until(int dueDay) {
        LocalDate due = startDate.plusDays(dueDay);
        int prescribed = IntStream.rangeClosed(1, dueDay / 7).map(k -> week(k).expected()).sum();
        int counted = (int) sessions.stream()
                .filter(LoggedSession::counts)
                .filter(s -> !s.performedOn().isBefore(startDate) && s.performedOn().isBefore(due))
                .filter(s -> !heldWeeks.contains(weekOf(startDate, s.performedOn())))
                .count();
        boolean adherent = counted * 100L >= (long) prescribed * rules.adherentPercent();
        return AdherenceSnapshot.of(counted, prescribed, adherent);
    }
}
