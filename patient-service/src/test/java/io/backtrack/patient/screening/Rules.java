package io.backtrack.patient.screening;

import io.smallrye.config.SmallRyeConfigBuilder;

/** The screening rules with their shipped defaults, as the service reads them. */
final class Rules {

    static final ScreeningRules DEFAULTS = new SmallRyeConfigBuilder()
            .withMapping(ScreeningRules.class)
            .build()
            .getConfigMapping(ScreeningRules.class);

    private Rules() {
    }
}
