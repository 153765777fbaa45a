package io.backtrack.plan.clocks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backtrack.plan-clocks")
public interface ClockConfig {

    /** How often the job looks for due clocks; a backdated plan falls due within one interval. */
    @WithDefault("5s")
    Duration interval();

    /**
     * How many due clocks one transaction claims at most; a run takes batches until none is left. A
     * patient whose clock is in the batch waits for it to commit (a fraction of a second) before a
     * session of theirs is logged; fewer, larger batches fire a day's clocks sooner (100,000 clocks on
     * the 2-core benchmark machine: 33 s in batches of 500, 23 s in batches of 2000).
     */
    @WithDefault("2000")
    int batchSize();
}
