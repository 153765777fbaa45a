package io.backtrack.plan.adherence;

import io.backtrack.plan.plans.Plan;
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

/** Loads what adherence is computed from: a plan's sessions and the weeks it spent on hold. */
@ApplicationScoped
public class AdherenceWindows {

    private final AdherenceRules rules;
    private final Clock clock;

    public AdherenceWindows(AdherenceRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<AdherenceWindow> of(Plan plan) {
        return Session.<Session>list("planId", plan.id).chain(sessions -> PlanHold.<PlanHold>list("planId", plan.id)
                .map(holds -> new AdherenceWindow(plan.startDate, plan.sessionsPerWeek, heldWeeks(plan, holds),
                        sessions.stream().map(s -> new AdherenceWindow.LoggedSession(
                                LocalDate.ofInstant(s.performedAt, ZoneOffset.UTC), s.counts)).toList(),
                        rules)));
    }

    /** Every week that overlaps a hold, an open hold lasting until today. */
    private Set<Integer> heldWeeks(Plan plan, List<PlanHold> holds) {
        Set<Integer> weeks = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (PlanHold hold : holds) {
            LocalDate end = hold.endedOn == null ? today : hold.endedOn;
            int from = Math.max(1, AdherenceWindow.weekOf(plan.startDate, hold.startedOn));
            int to = AdherenceWindow.weekOf(plan.startDate, end);
            for (int week = from; week <= to; week++) {
                weeks.add(week);
            }
        }
        return weeks;
    }
}
