package io.backtrack.platform.health;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Borrows a connection from the pool in the background and keeps the outcome, so health checks
 * answer from memory, within a second, whatever state the database or the pool is in.
 */
@ApplicationScoped
public class DatabaseProbe {

    /** What the last probe found, and since when it has been finding it. */
    public record State(Outcome outcome, Instant since, String detail) {
    }

    public enum Outcome {
        /** The pool lent a connection and the database answered. */
        ANSWERS,
        /** The pool lent no connection in time: exhausted or stuck. */
        BORROW_TIMES_OUT,
        /** The database refused or dropped the connection: an outage the pool recovers from by itself. */
        UNREACHABLE
    }

    private final Pool pool;
    private final PoolLivenessConfig config;
    private final AtomicReference<State> state = new AtomicReference<>(new State(Outcome.ANSWERS, Instant.now(), "not probed yet"));

    public DatabaseProbe(Pool pool, PoolLivenessConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public State state() {
        return state.get();
    }

    @Scheduled(every = "${backtrack.health.pool.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> probe() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(config.probeTimeout()).fail()
                .onItemOrFailure().invoke((rows, failure) -> record(failure == null ? Outcome.ANSWERS
                        : failure instanceof TimeoutException ? Outcome.BORROW_TIMES_OUT : Outcome.UNREACHABLE,
                        failure == null ? "answered" : failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void record(Outcome outcome, String detail) {
        state.updateAndGet(previous -> new State(outcome, previous.outcome() == outcome ? previous.since() : Instant.now(),
                detail));
    }
}
