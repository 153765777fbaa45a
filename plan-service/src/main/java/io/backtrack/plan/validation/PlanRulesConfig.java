package io.backtrack.plan.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the plan rules (docs/clinical-rules.md §2). */
@ConfigMapping(prefix = "backtrack.plan-rules")
public interface PlanRulesConfig {

    /** PLAN-PASSIVE-SHARE: passive items may be at most this many ... */
    @WithDefault("1")
    int passiveShareNumerator();

    /** ... out of this many items. */
    @WithDefault("3")
    int passiveShareDenominator();
}
