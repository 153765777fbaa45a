package io.backtrack.outcome.events;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.RoutineEvents;
import io.backtrack.outcome.escalation.EscalationEngine;
import io.backtrack.outcome.escalation.Trigger.SessionReported;
import io.backtrack.outcome.review.ReviewEvaluator;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The session-completed events that change nothing here, which is nearly all of them: no red flag, no
 * motor deficit, no pain that any rule acts on, of a patient and plan this service already knows.
 * They are recorded as processed and audited with the SQL client, without Hibernate; every other
 * session goes through {@link PlanEvents} (docs/performance.md).
 */
@ApplicationScoped
public class RoutineSessions implements RoutineEvents {

    /** The patient's profile in the session's clinic, and the session's plan, of that patient and clinic. */
    private static final String KNOWN = """
            SELECT 1 FROM patient_profile pp
                   JOIN plan_snapshot ps ON ps.plan_id = $3 AND ps.patient_id = pp.patient_id AND ps.clinic_id = pp.clinic_id
             WHERE pp.patient_id = $1 AND pp.clinic_id = $2""";

    private final EscalationEngine engine;
    private final AuditTrail audit;

    public RoutineSessions(EscalationEngine engine, AuditTrail audit) {
        this.engine = engine;
        this.audit = audit;
    }

    @Override
    public boolean mayBeRoutine(ReceivedEvent event) {
        if (event.type() != EventType.SESSION_COMPLETED) {
            return false;
        }
        SessionCompleted session = event.payloadAs(SessionCompleted.class);
        return (session.reportedRedFlags() == null || session.reportedRedFlags().isEmpty())
                && !session.motorDeficitReported()
                && !engine.recommendsOn(new SessionReported(session.sessionId(), session.painBefore(),
                        session.painAfter()));
    }

    /**
     * Not routine when the patient has no profile in the session's clinic or the plan is not theirs
     * there: {@link PlanEvents} refuses the event. The audit entry is appended without waiting for that
     * answer, pipelined behind it; when there is none, the transaction is rolled back.
     */
    @Override
    public Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event) {
        // mayBeRoutine converted the payload already; its schema guarantees the field, so no second conversion
        String clinicId = event.payload().path("clinicId").asText();
        return Uni.combine().all()
                .unis(connection.preparedQuery(KNOWN).execute(Tuple.of(event.patientId(), clinicId,
                                UUID.fromString(event.payload().path("planId").asText()))),
                        audit.record(connection, ReviewEvaluator.SYSTEM, AuditAction.UPDATE, "plan-snapshot", null,
                                event.patientId(), PlanEvents.applied(event)))
                .with((profiles, audited) -> profiles.size() > 0);
    }
}
