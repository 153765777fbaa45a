package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdherenceWindowTest {

    /** The thresholds plan-service ships with (its AdherenceRules); the boundaries below are theirs. */
    private record Thresholds(int adherentPercent, int missedBelowPercent) implements AdherenceThresholds {
    }

    private static final AdherenceThresholds RULES = new Thresholds(70, 50);
    private static final LocalDate START = LocalDate.of(2026, 10, 5);

    private static List<AdherenceWindow.LoggedSession> countedOnDays(int... days) {
        List<AdherenceWindow.LoggedSession> sessions = new ArrayList<>();
        for (int day : days) {
            sessions.add(new AdherenceWindow.LoggedSession(START.plusDays(day), true));
        }
        return sessions;
    }

    private static AdherenceWindow window(int sessionsPerWeek, Set<Integer> held, List<AdherenceWindow.LoggedSession> sessions) {
        return new AdherenceWindow(START, WeeklyPrescription.constant(sessionsPerWeek), held, sessions, RULES);
    }

    @Test
    void seventyPercentIsAdherentAndSixtyNineIsNot() {
        List<AdherenceWindow.LoggedSession> seventy = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            seventy.add(new AdherenceWindow.LoggedSession(START.plusDays(i % 28), true));
        }
        AdherenceSnapshot atSeventy = window(25, Set.of(), seventy).until(28);
        assertThat(atSeventy.prescribedSessions()).isEqualTo(100);
        assertThat(atSeventy.percent()).isEqualTo(70);
        assertThat(atSeventy.adherent()).isTrue();

        AdherenceSnapshot atSixtyNine = window(25, Set.of(), seventy.subList(0, 69)).until(28);
        assertThat(atSixtyNine.percent()).isEqualTo(69);
        assertThat(atSixtyNine.adherent()).isFalse();
    }

    @Test
    void sessionsOnTheDueDayOrNotCountingAreLeftOut() {
        List<AdherenceWindow.LoggedSession> sessions = new ArrayList<>(countedOnDays(0, 27, 28));
        sessions.add(new AdherenceWindow.LoggedSession(START.plusDays(3), false));
        AdherenceSnapshot snapshot = window(3, Set.of(), sessions).until(28);
        assertThat(snapshot.countedSessions()).isEqualTo(2);
        assertThat(snapshot.prescribedSessions()).isEqualTo(12);
    }

    @Test
    void adherenceIsCappedAtOneHundred() {
        assertThat(window(1, Set.of(), countedOnDays(0, 1, 2, 8, 9)).until(14).percent()).isEqualTo(100);
    }

    @Test
    void exactlyHalfIsNotAMissedWeek() {
        AdherenceWindow window = window(4, Set.of(), countedOnDays(0, 1, 7));
        assertThat(window.week(1).missed()).isFalse();
        assertThat(window.week(2).missed()).isTrue();
        assertThat(window.week(2).percent()).isEqualTo(25);
    }

    @Test
    void consecutiveMissedWeeksRunUntilAWeekThatIsNotMissed() {
        AdherenceWindow window = window(3, Set.of(), countedOnDays(0, 1, 2));
        assertThat(window.consecutiveMissed(1)).isZero();
        assertThat(window.consecutiveMissed(2)).isEqualTo(1);
        assertThat(window.consecutiveMissed(3)).isEqualTo(2);
    }

    @Test
    void weeksOnHoldAreNotPrescribedNorMissed() {
        AdherenceWindow window = window(3, Set.of(2), countedOnDays(0, 1, 2, 14, 15, 16));
        assertThat(window.week(2).missed()).isFalse();
        assertThat(window.week(2).expected()).isZero();
        AdherenceSnapshot snapshot = window.until(21);
        assertThat(snapshot.prescribedSessions()).isEqualTo(6);
        assertThat(snapshot.percent()).isEqualTo(100);
    }

    /** docs/clinical-rules.md §7: adherence is taken over the weeks that were not held, sessions included. */
    @Test
    void sessionsOfAHeldWeekDoNotCount() {
        AdherenceSnapshot snapshot = window(3, Set.of(2), countedOnDays(0, 7, 8, 9)).until(21);
        assertThat(snapshot.prescribedSessions()).isEqualTo(6);
        assertThat(snapshot.countedSessions()).isEqualTo(1);
        assertThat(snapshot.adherent()).isFalse();
    }

    /** Nothing prescribed, nothing counted: 0 × 100 ≥ 0 × 70, the exact comparison of §3. */
    @Test
    void withEveryWeekHeldNothingIsPrescribedNorCounted() {
        AdherenceSnapshot snapshot = window(3, Set.of(1, 2, 3, 4), countedOnDays(0, 1, 2, 3)).until(28);
        assertThat(snapshot.prescribedSessions()).isZero();
        assertThat(snapshot.countedSessions()).isZero();
        assertThat(snapshot.adherent()).isTrue();
    }

    @Test
    void weekKRunsFromDaySevenKMinusSevenToSevenKMinusOne() {
        assertThat(AdherenceWindow.weekOf(START, START.plusDays(13))).isEqualTo(2);
        assertThat(AdherenceWindow.weekOf(START, START.plusDays(14))).isEqualTo(3);
    }
}
