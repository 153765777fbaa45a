package io.backtrack.scoring;

import java.time.LocalDate;

/** How many sessions a plan week prescribes, from the version of the plan in force on its first day. */
@FunctionalInterface
public interface WeeklyPrescription {

    int sessionsPerWeekOn(LocalDate firstDayOfWeek);

    static WeeklyPrescription constant(int sessionsPerWeek) {
        return day -> sessionsPerWeek;
    }
}
