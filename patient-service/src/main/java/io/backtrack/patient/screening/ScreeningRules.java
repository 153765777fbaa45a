package io.backtrack.patient.screening;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the intake screen (docs/clinical-rules.md §1), configurable per clinic deployment. */
@ConfigMapping(prefix = "backtrack.screening")
public interface ScreeningRules {

    /** Whole days from onset at which an episode stops being ACUTE. */
    @WithDefault("28")
    int subacuteFromDays();

    /** Whole days from onset at which an episode is CHRONIC. */
    @WithDefault("85")
    int chronicFromDays();

    /** STarT Back: a total at or below this is LOW risk. */
    @WithDefault("3")
    int startBackLowMaxTotal();

    /** STarT Back: a psychosocial subscale at or above this (with a total above LOW) is HIGH risk. */
    @WithDefault("4")
    int startBackHighMinSubscale();

    /** ODI-MIN-SECTIONS: fewer answered sections than this give no ODI score. */
    @WithDefault("8")
    int odiMinSections();

    /** AGE_OVER_50_NEW_PAIN: watch flag when older than this with no previous episode. */
    @WithDefault("50")
    int newPainWatchAge();
}
