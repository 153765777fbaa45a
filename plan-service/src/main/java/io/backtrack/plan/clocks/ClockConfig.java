package io.backtrack.plan.clocks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backtrack.plan-clocks")
public interface ClockConfig {

    /** How often the job looks for due clocks; a backdated plan falls due within one interval. */
    @WithDefault("5s")
    Duration interval();

    /** How many due clocks one transaction claims at most; a run takes batches until none is left. */
    @WithDefault("500")
    int batchSize();
}
