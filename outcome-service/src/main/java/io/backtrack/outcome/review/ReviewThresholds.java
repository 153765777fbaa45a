package io.backtrack.outcome.review;

import io.backtrack.scoring.MeasureComparison;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Minimal clinically important changes and review windows (docs/clinical-rules.md §4). */
@ConfigMapping(prefix = "backtrack.review")
public interface ReviewThresholds {

    /** Pain NRS improved: a drop of at least this many points ... */
    @WithDefault("2")
    int painMcidPoints();

    /** ODI improved: a drop of at least this many percentage points ... */
    @WithDefault("10")
    int odiMcidPoints();

    /** ... or, for either measure, a drop of at least this percent of the baseline. */
    @WithDefault("30")
    int mcidPercentOfBaseline();

    /** Pain NRS worse: a rise of at least this many points. */
    @WithDefault("2")
    int painWorsePoints();

    /** ODI worse: a rise of at least this many percentage points. */
    @WithDefault("10")
    int odiWorsePoints();

    /** PSFS (higher is better) improved or worse by at least this many points of its mean. */
    @WithDefault("2")
    int psfsMcidPoints();

    /** Measures count for a review from this many days before its due day to this many days after it. */
    @WithDefault("7")
    int measureWindowDays();

    /** ODI-MIN-SECTIONS: a stand-alone ODI with fewer answered sections is rejected. */
    @WithDefault("8")
    int odiMinSections();

    /** How often the overdue job runs (read by its schedule; 1s–10s is sensible). */
    @WithDefault("5s")
    Duration overdueCheckInterval();

    default MeasureComparison pain() {
        return new MeasureComparison(painMcidPoints(), mcidPercentOfBaseline(), painWorsePoints());
    }

    default MeasureComparison odi() {
        return new MeasureComparison(odiMcidPoints(), mcidPercentOfBaseline(), odiWorsePoints());
    }
}
