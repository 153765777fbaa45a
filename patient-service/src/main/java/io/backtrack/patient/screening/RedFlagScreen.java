package io.backtrack.patient.screening;

import io.backtrack.contracts.clinical.WatchFlagCode;
import java.util.ArrayList;
import java.util.List;

/** Applies the red-flag rules and the watch-only flags to one intake. */
public final class RedFlagScreen {

    private RedFlagScreen() {
    }

    public static List<RedFlagRule> redFlags(RedFlagAnswers answers) {
        return RedFlagRule.ALL.stream().filter(rule -> rule.when().test(answers)).toList();
    }

    /**
     * Watch-only flags are shown, never blocking: new pain past the watch age with no previous
     * episode recorded, and constant night pain.
     */
    public static List<WatchFlagCode> watchFlags(RedFlagAnswers answers, int ageAtIntake, Integer previousEpisodes,
            ScreeningRules rules) {
        List<WatchFlagCode> flags = new ArrayList<>();
        boolean noPreviousEpisode = previousEpisodes == null || previousEpisodes == 0;
        if (ageAtIntake > rules.newPainWatchAge() && noPreviousEpisode) {
            flags.add(WatchFlagCode.AGE_OVER_50_NEW_PAIN);
        }
        if (answers.constantNightPain()) {
            flags.add(WatchFlagCode.NIGHT_PAIN);
        }
        return flags;
    }
}
