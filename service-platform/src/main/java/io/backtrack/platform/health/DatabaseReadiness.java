package io.backtrack.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the last probe could not reach the database: no request can succeed then, and
 * every one would get a 503. Answers from the probe's memory, so it never waits on the database.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final DatabaseProbe probe;

    public DatabaseReadiness(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        DatabaseProbe.State state = probe.state();
        return HealthCheckResponse.named("database")
                .status(state.outcome() == DatabaseProbe.Outcome.ANSWERS)
                .withData("outcome", state.outcome().name())
                .withData("since", state.since().toString())
                .withData("detail", state.detail())
                .build();
    }
}
