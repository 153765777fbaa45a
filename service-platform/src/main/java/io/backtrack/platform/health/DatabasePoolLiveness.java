package io.backtrack.platform.health;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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

    private final Pool pool;
    private final PoolLivenessConfig config;
    private final AtomicReference<Instant> timingOutSince = new AtomicReference<>();

    public DatabasePoolLiveness(Pool pool, PoolLivenessConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${backtrack.health.pool.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> probe() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(config.probeTimeout()).fail()
                .onItemOrFailure().invoke((rows, failure) -> {
                    if (failure instanceof TimeoutException) {
                        timingOutSince.compareAndSet(null, Instant.now());
                    } else {
                        timingOutSince.set(null);
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = timingOutSince.get();
        boolean stuck = since != null && since.plus(config.stuckAfter()).isBefore(Instant.now());
        var response = HealthCheckResponse.named("database-pool").status(!stuck);
        if (since != null) {
            response.withData("borrowsTimingOutSince", since.toString());
        }
        return response.build();
    }
}
