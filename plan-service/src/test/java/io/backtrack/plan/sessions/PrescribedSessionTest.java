package io.backtrack.plan.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.plan.plans.PlanPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrescribedSessionTest {

    @Test
    void aSessionCountsWithAtLeastHalfOfItsPhasesExercises() {
        List<PlanPhase> phases = List.of(
                new PlanPhase("Control", 2, List.of(item("SC-01"), item("SC-02"), item("CS-01"), item("CS-04"))),
                new PlanPhase("Load", 4, List.of(item("SG-03"), item("SG-04"))));
        PrescribedSession weekOne = PrescribedSession.forWeek(phases, 1);
        assertThat(weekOne.counts(List.of("SC-01", "SC-02"))).isTrue();
        assertThat(weekOne.counts(List.of("SC-01"))).isFalse();
        assertThat(weekOne.counts(List.of("SC-01", "SC-01"))).isFalse();
        PrescribedSession weekThree = PrescribedSession.forWeek(phases, 3);
        assertThat(weekThree.counts(List.of("SG-03"))).isTrue();
        assertThat(weekThree.counts(List.of("SC-01", "SC-02"))).isFalse();
        assertThat(PrescribedSession.forWeek(phases, 9).exercises()).containsExactlyInAnyOrder("SG-03", "SG-04");
    }

    @Test
    void phasesRunOneAfterAnotherFromDayZeroAndTheLastStaysInForce() {
        List<PlanPhase> phases = List.of(new PlanPhase("Control", 2, List.of(item("SC-01"))),
                new PlanPhase("Load", 3, List.of(item("SG-03"))));
        assertThat(PrescribedSession.forWeek(phases, 2).exercises()).containsExactly("SC-01");
        assertThat(PrescribedSession.forWeek(phases, 3).exercises()).containsExactly("SG-03");
        assertThat(PrescribedSession.forWeek(phases, 5).exercises()).containsExactly("SG-03");
        assertThat(PrescribedSession.forWeek(phases, 6).exercises()).containsExactly("SG-03");
    }

    private static PlanPhase.Prescription item(String code) {
        return new PlanPhase.Prescription(code, 3, 10, 0, null);
    }
}
