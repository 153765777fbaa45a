package io.backtrack.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backtrack.clock")
public interface ClockConfig {

    /**
     * Lets an admin set and advance this service's time (escalation-rules §5a). Tests and demos
     * only: production deployments never set it.
     */
    @WithDefault("false")
    boolean controllable();
}
