package io.backtrack.plan.sessions;

import io.backtrack.plan.plans.PlanPhase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a session on a given plan week prescribes: the items of the phase that week falls in (the
 * last phase continues after the planned weeks). It counts when at least half of them were done.
 */
public record PrescribedSession(Set<String> exercises) {

    public static PrescribedSession forWeek(List<PlanPhase> phases, int week) {
        int lastWeekOfPhase = 0;
        for (PlanPhase phase : phases) {
            lastWeekOfPhase += phase.weeks();
            if (week <= lastWeekOfPhase) {
                return of(phase);
            }
        }
        return of(phases.get(phases.size() - 1));
    }

    private static PrescribedSession of(PlanPhase phase) {
        Set<String> codes = new HashSet<>();
        phase.items().forEach(item -> codes.add(item.exerciseCode()));
        return new PrescribedSession(codes);
    }

    public int done(List<String> exercisesDone) {
        return (int) exercisesDone.stream().distinct().filter(exercises::contains).count();
    }

    public boolean counts(List<String> exercisesDone) {
        return done(exercisesDone) * 2 >= exercises.size();
    }
}
