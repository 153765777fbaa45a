package io.backtrack.outcome.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventType;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.RoutineEvents;
import io.backtrack.outcome.escalation.EscalationEngine;
import io.backtrack.outcome.escalation.Trigger.WeeksMissed;
import io.backtrack.outcome.review.ReviewEvaluator;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The adherence-missed events that recommend nothing, which is every missed week but the one that
 * makes a run reach the threshold: the plan's snapshot takes the run, with the SQL client, as
 * {@link PlanEvents} would through Hibernate. A plan-service clock pass writes one for every plan
 * whose week went by without its sessions, so a clinic network's evening brings a hundred thousand of
 * them (docs/performance.md). Not routine when this service has no snapshot of the plan for that
 * patient and clinic, or no profile of the patient there: {@link PlanEvents} applies those.
 */
@ApplicationScoped
public class RoutineMissedWeeks implements RoutineEvents {

    /**
     * Under the patient's lock, as every write about the patient here
     * ({@link io.backtrack.platform.audit.PatientLock}). A week older than the snapshot's last missed one
     * leaves the run as it is ({@link io.backtrack.outcome.profile.PlanSnapshot#weekMissed}) but still
     * counts as applied: a NULL last week compares as unknown, so the first missed week is taken.
     */
    private static final String SNAPSHOT = """
            UPDATE plan_snapshot s
               SET consecutive_missed_weeks = CASE WHEN s.last_missed_week > $5 THEN s.consecutive_missed_weeks ELSE $4 END,
                   updated_at = CASE WHEN s.last_missed_week > $5 THEN s.updated_at ELSE $6 END,
                   last_missed_week = CASE WHEN s.last_missed_week > $5 THEN s.last_missed_week ELSE $5 END
             WHERE s.plan_id = $1 AND s.patient_id = $2 AND s.clinic_id = $3
               AND EXISTS (SELECT 1 FROM patient_profile pp WHERE pp.patient_id = $2 AND pp.clinic_id = $3)""";

    private final EscalationEngine engine;
    private final AuditTrail audit;
    private final Clock clock;

    public RoutineMissedWeeks(EscalationEngine engine, AuditTrail audit, Clock clock) {
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean mayBeRoutine(ReceivedEvent event) {
        return event.type() == EventType.ADHERENCE_MISSED && !engine.recommendsOn(weeksMissed(event));
    }

    /**
     * The audit entry and the snapshot go out together, the entry first: its first statement takes the
     * patient's lock ({@link AuditTrail}), so the snapshot is updated under it. No snapshot updated
     * means not routine.
     */
    @Override
    public Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event) {
        WeeksMissed missed = weeksMissed(event);
        Tuple snapshot = Tuple.tuple()
                .addUUID(missed.planId())
                .addUUID(event.patientId())
                .addString(event.payload().path("clinicId").asText())
                .addInteger(missed.consecutiveMissedWeeks())
                .addInteger(missed.week())
                .addOffsetDateTime(OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
        return Uni.combine().all()
                .unis(audit.record(connection, ReviewEvaluator.SYSTEM, AuditAction.UPDATE, "plan-snapshot", null,
                                event.patientId(), PlanEvents.applied(event)),
                        connection.preparedQuery(SNAPSHOT).execute(snapshot))
                .with((audited, updated) -> updated.rowCount() == 1);
    }

    /** The run the event reports, read from the payload's tree (its schema guarantees the fields). */
    private static WeeksMissed weeksMissed(ReceivedEvent event) {
        JsonNode missed = event.payload();
        return new WeeksMissed(UUID.fromString(missed.path("planId").asText()), missed.path("week").asInt(),
                missed.path("consecutiveMissedWeeks").asInt());
    }
}
