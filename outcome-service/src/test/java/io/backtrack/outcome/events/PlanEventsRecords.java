package io.backtrack.outcome.events;

import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.outcome.Events;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/** What outcome-service's plan-events consumer recorded: its counters and its rows. */
final class PlanEventsRecords {

    static final String CONSUMER = "outcome-service.plan-events";

    private final Pool pool;
    private final MeterRegistry registry;

    PlanEventsRecords(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    double consumed(EventType type, String path) {
        return counted("backtrack.events.consumed", "consumer", CONSUMER, "type", type.ceType(), "path", path);
    }

    double duplicates() {
        return counted("backtrack.events.duplicates", "consumer", CONSUMER);
    }

    private double counted(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A plan of the patient's that outcome-service has a snapshot of, as plan-activated leaves it. */
    UUID activePlan(UUID patientId, String clinicId) {
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, clinicId, planId, Events.TODAY.minusDays(21)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM plan_snapshot WHERE plan_id = $1", planId) == 1);
        return planId;
    }

    Row row(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().iterator().next();
    }

    long count(String sql, Object... parameters) {
        return row(sql, parameters).getLong(0);
    }

    /** The audit entries of the event's application: one once applied, by either path. */
    long applied(String ceId, EventType type) {
        return count("SELECT count(*) FROM audit_entry WHERE detail = $1", "applied " + type.ceType() + " " + ceId);
    }

    long processed(String ceId) {
        return count("SELECT count(*) FROM processed_event WHERE consumer = $1 AND event_id = $2", CONSUMER, ceId);
    }
}
