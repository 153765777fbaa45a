package io.backtrack.plan.clocks;

import io.backtrack.plan.plans.Plan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sets a plan's clocks: the end of every week, and the reviews at day 28 and, when needed, day 42. */
@ApplicationScoped
public class ClockSchedule {

    public static final int FIRST_REVIEW_WEEK = 4;
    public static final int SECOND_REVIEW_WEEK = 6;

    public Uni<Void> scheduleFor(Plan plan) {
        List<PlanClock> clocks = new ArrayList<>();
        for (int week = 1; week <= plan.durationWeeks; week++) {
            clocks.add(PlanClock.of(plan.id, ClockKind.WEEK_END, week, plan.startDate.plusDays(7L * week)));
        }
        clocks.add(PlanClock.of(plan.id, ClockKind.REVIEW, FIRST_REVIEW_WEEK,
                plan.startDate.plusDays(7L * FIRST_REVIEW_WEEK)));
        return PlanClock.persist(clocks);
    }

    /** The week-6 review; scheduling it twice (a redelivered verdict) keeps one. */
    public Uni<Void> scheduleSecondReview(UUID planId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO plan_clock (plan_id, kind, week, due_on)
                        SELECT id, 'REVIEW', ?2, start_date + 7 * ?2 FROM plan WHERE id = ?1
                        ON CONFLICT (plan_id, kind, week) DO NOTHING""")
                .setParameter(1, planId)
                .setParameter(2, SECOND_REVIEW_WEEK)
                .executeUpdate())
                .replaceWithVoid();
    }
}
