package io.backtrack.outcome.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The numbers of the escalation rules (docs/clinical-rules.md §5). */
@ConfigMapping(prefix = "backtrack.escalation")
public interface EscalationThresholds {

    /** The version of the rule set, written into every escalation. */
    @WithDefault("1.3")
    String ruleVersion();

    /** ESC-SESSION-FLARE: pain after − pain before at least this ... */
    @WithDefault("3")
    int flareRise();

    /** ... or pain after at least this. */
    @WithDefault("8")
    int flarePain();

    /** ESC-NON-ADHERENT at any time: this many consecutive missed weeks. */
    @WithDefault("2")
    int consecutiveMissedWeeks();

    /** SURGICAL_CONSULT at week 6: ODI at the review at least this percent. */
    @WithDefault("40")
    int surgicalOdiPercent();

    /** The week of the first review (the WK4 rules). */
    @WithDefault("4")
    int firstReviewWeek();

    /** The WK6 rules need at least this many weeks of care from the plan start. */
    @WithDefault("6")
    int weeksOfCareForSecondReview();
}
