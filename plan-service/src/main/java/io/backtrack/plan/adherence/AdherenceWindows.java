package io.backtrack.plan.adherence;

import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanCourse;
import io.backtrack.plan.plans.PlanHold;
import io.backtrack.plan.sessions.Session;
import io.backtrack.scoring.AdherenceWindow;
import io.backtrack.scoring.AdherenceWindow.LoggedSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return ofCourses(List.of(plan.courseId)).map(windows -> windows.get(plan.courseId));
    }

    private Uni<Map<UUID, AdherenceWindow>> ofCourses(Collection<UUID> courseIds) {
        return Plan.<Plan>list("courseId in ?1 order by version", courseIds).chain(versions -> {
            List<UUID> versionIds = versions.stream().map(version -> version.id).toList();
            return Session.<Session>list("planId in ?1", versionIds).chain(sessions -> PlanHold
                    .<PlanHold>list("planId in ?1", versionIds)
                    .map(holds -> windows(versions, sessions, holds)));
        });
    }

    private Map<UUID, AdherenceWindow> windows(List<Plan> versions, List<Session> sessions, List<PlanHold> holds) {
        Map<UUID, UUID> courseOf = versions.stream().collect(Collectors.toMap(v -> v.id, v -> v.courseId));
        Map<UUID, List<LoggedSession>> sessionsOf = sessions.stream().collect(Collectors.groupingBy(
                session -> courseOf.get(session.planId),
                Collectors.mapping(s -> new LoggedSession(LocalDate.ofInstant(s.performedAt, ZoneOffset.UTC), s.counts),
                        Collectors.toList())));
        Map<UUID, List<PlanHold>> holdsOf = holds.stream()
                .collect(Collectors.groupingBy(hold -> courseOf.get(hold.planId)));
        Map<UUID, AdherenceWindow> windows = new HashMap<>();
        versions.stream().collect(Collectors.groupingBy(v -> v.courseId)).forEach((courseId, ofCourse) ->
                windows.put(courseId, window(new PlanCourse(ofCourse), holdsOf.getOrDefault(courseId, List.of()),
                        sessionsOf.getOrDefault(courseId, List.of()))));
        return windows;
    }

    /** The window of a course from what was read of it, by whichever client read it. */
    public AdherenceWindow window(PlanCourse course, List<PlanHold> holds, List<LoggedSession> sessions) {
        return new AdherenceWindow(course.dayZero(), day -> course.inForceOn(day).sessionsPerWeek,
                heldWeeks(course.dayZero(), holds), sessions, rules);
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
