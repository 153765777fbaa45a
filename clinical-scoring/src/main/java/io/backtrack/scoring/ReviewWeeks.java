package io.backtrack.scoring;

import java.time.LocalDate;

/**
 * When a course is reviewed (docs/clinical-rules.md §4): at week 4, and at week 6 when week 4 was
 * anything but responding, each due seven days a week from the course's day 0.
 */
public final class ReviewWeeks {

    public static final int FIRST = 4;
    public static final int SECOND = 6;

    private ReviewWeeks() {
    }

    public static boolean isReviewWeek(int week) {
        return week == FIRST || week == SECOND;
    }

    /** The day the review of {@code week} falls due in a course that started on {@code courseStart}. */
    public static LocalDate dueOn(LocalDate courseStart, int week) {
        return courseStart.plusDays(7L * week);
    }
}
