package io.backtrack.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backtrack.clock")
public interface ClockConfig {

    /**
     * Lets an admin set and advance this service's time (the README (controllable clocks)). Tests and demos
     * only: production deployments never set it.
     */
    @WithDefault("false")
    boolean controllable();

    /**
     * Lets a controllable clock be set to an earlier time. Services rely on time moving forward
     * (clocks, reviews, audit order); only a test that needs to go back may set it.
     */
    @WithDefault("false")
    boolean allowBackwards();
}
