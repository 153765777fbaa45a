package io.backtrack.plan.adherence;

import io.backtrack.scoring.AdherenceThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Adherence thresholds of docs/clinical-rules.md §3; many clinics use 80 for adherent. */
@ConfigMapping(prefix = "backtrack.adherence")
public interface AdherenceRules extends AdherenceThresholds {

    @Override
    @WithDefault("70")
    int adherentPercent();

    @Override
    @WithDefault("50")
    int missedBelowPercent();
}
