package io.backtrack.plan.adherence;

import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanCourse;
import io.backtrack.plan.plans.PlanHold;
import io.backtrack.plan.sessions.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads what adherence is computed from: the sessions of every version of the plan's course, the
 * weeks any of them spent on hold, and the sessions per week each version prescribed.
 */
@ApplicationScoped
public class AdherenceWindows {

    private final AdherenceRules rules;
    private final Clock clock;

    public AdherenceWindows(AdherenceRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<AdherenceWindow> of(Plan plan) {
        return PlanCourse.of(plan.courseId).chain(course -> {
            List<UUID> versions = course.versionIds();
            return Session.<Session>list("planId in ?1", versions).chain(sessions -> PlanHold
                    .<PlanHold>list("planId in ?1", versions)
                    .map(holds -> new AdherenceWindow(course.dayZero(),
                            day -> course.inForceOn(day).sessionsPerWeek, heldWeeks(course.dayZero(), holds),
                            sessions.stream().map(s -> new AdherenceWindow.LoggedSession(
                                    LocalDate.ofInstant(s.performedAt, ZoneOffset.UTC), s.counts)).toList(),
                            rules)));
        });
    }

    /** Every week that overlaps a hold, an open hold lasting until today. */
    private Set<Integer> heldWeeks(LocalDate dayZero, List<PlanHold> holds) {
        Set<Integer> weeks = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (PlanHold hold : holds) {
            LocalDate end = hold.endedOn == null ? today : hold.endedOn;
            int from = Math.max(1, AdherenceWindow.weekOf(dayZero, hold.startedOn));
            int to = AdherenceWindow.weekOf(dayZero, end);
            for (int week = from; week <= to; week++) {
                weeks.add(week);
            }
        }
        return weeks;
    }
}
