package io.backtrack.plan.clocks;

import io.backtrack.plan.plans.Plan;
import io.backtrack.scoring.ReviewWeeks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sets a plan course's clocks when its first version is created: the end of every week, and the
 * reviews at day 28 and, when needed, day 42. Revisions keep them.
 * For a backdated plan, weeks that ended before it was created are checked a day later, so the
 * sessions already done can be logged first; a review due in the past still falls due at once.
 */
@ApplicationScoped
public class ClockSchedule {

    private final Clock clock;

    public ClockSchedule(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> scheduleFor(Plan firstVersion) {
        LocalDate backfillEnds = LocalDate.now(clock).plusDays(1);
        List<PlanClock> clocks = new ArrayList<>();
        for (int week = 1; week <= firstVersion.durationWeeks; week++) {
            LocalDate weekEnded = firstVersion.startDate.plusDays(7L * week);
            LocalDate due = weekEnded.isBefore(backfillEnds) ? backfillEnds : weekEnded;
            clocks.add(PlanClock.of(firstVersion.courseId, ClockKind.WEEK_END, week, due));
        }
        clocks.add(PlanClock.of(firstVersion.courseId, ClockKind.REVIEW, ReviewWeeks.FIRST,
                ReviewWeeks.dueOn(firstVersion.startDate, ReviewWeeks.FIRST)));
        return PlanClock.persist(clocks);
    }

    /** The week-6 review of the course of a version; scheduling it twice (a redelivered verdict) keeps one. */
    public Uni<Void> scheduleSecondReview(UUID planId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO plan_clock (course_id, kind, week, due_on)
                        SELECT course_id, 'REVIEW', ?2, start_date + 7 * ?2 FROM plan WHERE id = ?1
                        ON CONFLICT (course_id, kind, week) DO NOTHING""")
                .setParameter(1, planId)
                .setParameter(2, ReviewWeeks.SECOND)
                .executeUpdate())
                .replaceWithVoid();
    }
}
