package io.backtrack.plan.clocks;

public enum ClockKind {
    /** The end of a plan week: check adherence of that week. */
    WEEK_END,
    /** A review due (week 4, and week 6 when week 4 was not RESPONDING). */
    REVIEW
}
