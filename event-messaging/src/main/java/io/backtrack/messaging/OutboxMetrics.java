package io.backtrack.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox backlog and the age of its oldest pending event, so a stuck relay shows; registered
 * at startup. The age is measured on the service clock that stamped the events, never on the database's.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxMetrics(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder("backtrack.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("backtrack.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event not yet published")
                .baseUnit("seconds")
                .register(registry);
    }

    public long backlog() {
        return backlog.get();
    }

    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    @Scheduled(every = "${backtrack.messaging.relay.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query("SELECT count(*) AS backlog, min(occurred_at) AS oldest FROM outbox_event WHERE published_at IS NULL")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    backlog.set(row.getLong("backlog"));
                    oldestAgeSeconds.set(oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
                })
                .replaceWithVoid();
    }
}
