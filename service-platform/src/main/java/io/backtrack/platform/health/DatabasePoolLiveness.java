package io.backtrack.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Fails liveness when the database pool stays exhausted (every borrow times out, e.g. connections
 * leaked by aborted requests), so that Kubernetes restarts the stuck pod. A database that refuses
 * connections is an outage, not a stuck pod: it fails fast, shows in readiness, and is not counted
 * here. The check answers from the last probe, at once.
 */
@Liveness
@ApplicationScoped
public class DatabasePoolLiveness implements HealthCheck {

    private final DatabaseProbe probe;
    private final PoolLivenessConfig config;

    public DatabasePoolLiveness(DatabaseProbe probe, PoolLivenessConfig config) {
        this.probe = probe;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        DatabaseProbe.State state = probe.state();
        boolean timingOut = state.outcome() == DatabaseProbe.Outcome.BORROW_TIMES_OUT;
        boolean stuck = timingOut && state.since().plus(config.stuckAfter()).isBefore(Instant.now());
        var response = HealthCheckResponse.named("database-pool").status(!stuck);
        if (timingOut) {
            response.withData("borrowsTimingOutSince", state.since().toString());
        }
        return response.build();
    }
}
