package io.backtrack.plan.adherence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Adherence thresholds of docs/clinical-rules.md §3; many clinics use 80 for adherent. */
@ConfigMapping(prefix = "backtrack.adherence")
public interface AdherenceRules {

    /** Adherent when counted × 100 ≥ prescribed × this. */
    @WithDefault("70")
    int adherentPercent();

    /** A week is missed when completed × 100 < expected × this. */
    @WithDefault("50")
    int missedBelowPercent();
}
