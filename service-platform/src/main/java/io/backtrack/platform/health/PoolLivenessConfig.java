package io.backtrack.platform.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backtrack.health.pool")
public interface PoolLivenessConfig {

    /** How often a connection is borrowed from the pool to prove it still lends them. */
    @WithDefault("5s")
    Duration probeInterval();

    /** How long one borrow may wait before the probe counts as failed. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** How long borrows must keep timing out before the service counts as stuck (liveness DOWN). */
    @WithDefault("30s")
    Duration stuckAfter();
}
