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

/**
 * The session-completed events that change nothing here, which is nearly all of them: no red flag, no
 * motor deficit, no pain that any rule acts on, of a patient this service already has a profile of.
 * They are recorded as processed and audited with the SQL client, without Hibernate; every other
 * session goes through {@link PlanEvents} (docs/performance.md).
 */
@ApplicationScoped
public class RoutineSessions implements RoutineEvents {

    private static final String PROFILE = "SELECT 1 FROM patient_profile WHERE patient_id = $1 AND clinic_id = $2";

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
     * Not routine when the patient has no profile in the session's clinic: {@link PlanEvents} creates
     * the profile, or meets the disagreement. The audit entry is appended without waiting for the
     * profile's answer, pipelined behind it; when there is none, the transaction is rolled back.
     */
    @Override
    public Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event) {
        // mayBeRoutine converted the payload already; its schema guarantees the field, so no second conversion
        String clinicId = event.payload().path("clinicId").asText();
        return Uni.combine().all()
                .unis(connection.preparedQuery(PROFILE).execute(Tuple.of(event.patientId(), clinicId)),
                        audit.record(connection, ReviewEvaluator.SYSTEM, AuditAction.UPDATE, "plan-snapshot", null,
                                event.patientId(), PlanEvents.applied(event)))
                .with((profiles, audited) -> profiles.size() > 0);
    }
}
