package io.backtrack.plan.sessions;

import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.clocks.LateSessions;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanJson;
import io.backtrack.plan.plans.PlanLifecycle;
import io.backtrack.plan.plans.PlanRows;
import io.backtrack.plan.sessions.SessionService.Logged;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The routine session, which is nearly every session a phone sends: on a plan the caller may reach
 * and log on, without a red flag or a motor deficit, under no Idempotency-Key already used, at an
 * instant at which the patient has no session logged yet, performed
 * under the plan version it is logged on, and joining no review that may have fired without it. It is logged with
 * the SQL client in one transaction of three round trips (the patient locked, the plan read and the
 * key looked up; the session, its event and the audit chain's head; the audit entry) instead of
 * Hibernate's ten, because session logging is the service's hot path (docs/performance.md).
 * <p>
 * Anything else answers no item, having written nothing, and {@link SessionService} logs it: it
 * handles every case, with the same checks and records ({@link NewSessions}).
 */
@RequestScoped
public class RoutineSessions {

    /** The plan's patient locked ({@link io.backtrack.plan.profile.ProfileLock}); what follows reads under it. */
    private static final String LOCK_PATIENT = """
            SELECT 1 FROM patient_profile WHERE patient_id = (SELECT patient_id FROM plan WHERE id = $1)
               FOR UPDATE""";
    private static final String PLAN = """
            SELECT p.id, p.patient_id, p.clinic_id, p.course_id, p.version, p.status, p.start_date, p.created_at,
                   p.phases, pp.clinic_id AS patient_clinic_id, pp.login_subject,
                   EXISTS (SELECT 1 FROM session s JOIN plan q ON q.id = s.plan_id
                            WHERE q.patient_id = p.patient_id AND s.performed_at = $2) AS performed_then
              FROM plan p JOIN patient_profile pp ON pp.patient_id = p.patient_id
             WHERE p.id = $1""";
    /** A key is the course's: a phone retrying after the plan was revised gets the session it logged. */
    private static final String KEY_USED = """
            SELECT 1 FROM session s JOIN plan p ON p.id = s.plan_id
             WHERE p.course_id = (SELECT course_id FROM plan WHERE id = $1) AND s.idempotency_key = $2""";
    private static final String INSERT = """
            INSERT INTO session (id, plan_id, patient_id, idempotency_key, request_hash, performed_at, logged_at,
                                 logged_by, plan_week, exercises_done, prescribed, done, counts, pain_before,
                                 pain_after, effort, new_symptoms, red_flags, motor_deficit)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)""";

    private final Pool pool;
    private final Caller caller;
    private final PlanJson json;
    private final NewSessions newSessions;
    private final LateSessions lateSessions;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final MeterRegistry registry;

    public RoutineSessions(Pool pool, Caller caller, PlanJson json, NewSessions newSessions, LateSessions lateSessions,
            EventOutbox outbox, AuditTrail audit, MeterRegistry registry) {
        this.pool = pool;
        this.caller = caller;
        this.json = json;
        this.newSessions = newSessions;
        this.lateSessions = lateSessions;
        this.outbox = outbox;
        this.audit = audit;
        this.registry = registry;
    }

    /** The logged session, or no item when the session is not routine. */
    public Uni<Logged> log(UUID planId, String idempotencyKey, SessionRequest request) {
        if (!request.reportedRedFlagsOrEmpty().isEmpty() || Boolean.TRUE.equals(request.motorDeficit())) {
            return Uni.createFrom().nullItem();
        }
        return pool.withTransaction(connection -> {
            Uni<RowSet<Row>> locked = connection.preparedQuery(LOCK_PATIENT).execute(Tuple.of(planId));
            Uni<RowSet<Row>> plans = connection.preparedQuery(PLAN).execute(Tuple.of(planId,
                    utc(NewSessions.performedAt(request))));
            Uni<Boolean> keyUsed = idempotencyKey == null
                    ? Uni.createFrom().item(false)
                    : connection.preparedQuery(KEY_USED).execute(Tuple.of(planId, idempotencyKey))
                            .map(rows -> rows.size() > 0);
            return Uni.combine().all().unis(locked, plans, keyUsed)
                    .with((lock, rows, used) -> used || rows.size() == 0 ? null : routinePlan(rows.iterator().next(), request))
                    .onItem().ifNotNull().transformToUni(plan -> write(connection, plan, idempotencyKey, request));
        });
    }

    private Plan routinePlan(Row row, SessionRequest request) {
        Plan plan = PlanRows.copyOf(row);
        boolean routine = caller.mayReachPatient(row.getString("patient_clinic_id"), row.getString("login_subject"))
                && !row.getBoolean("performed_then")
                && PlanLifecycle.IN_USE.contains(plan.status)
                && (plan.version == 1 || !request.performedAt().isBefore(plan.createdAt));
        return routine ? plan : null;
    }

    private Uni<Logged> write(SqlConnection connection, Plan plan, String idempotencyKey, SessionRequest request) {
        Session session = newSessions.build(plan, json.phases(plan), idempotencyKey, request);
        if (lateSessions.mayJoinAReview(plan, session)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.combine().all().unis(
                        connection.preparedQuery(INSERT).execute(row(session)),
                        outbox.append(connection, plan.patientId, newSessions.completed(plan, session, request)),
                        audit.record(connection, Actor.of(caller), AuditAction.CREATE, SessionService.RESOURCE,
                                session.id, plan.patientId, null))
                .discardItems()
                .invoke(() -> NewSessions.countLogged(registry, "routine"))
                .replaceWith(() -> new Logged(newSessions.view(session, request), true));
    }

    private static Tuple row(Session s) {
        return Tuple.tuple()
                .addUUID(s.id)
                .addUUID(s.planId)
                .addUUID(s.patientId)
                .addString(s.idempotencyKey)
                .addString(s.requestHash)
                .addOffsetDateTime(utc(s.performedAt))
                .addOffsetDateTime(utc(s.loggedAt))
                .addString(s.loggedBy)
                .addInteger(s.planWeek)
                .addString(s.exercisesDone)
                .addInteger(s.prescribed)
                .addInteger(s.done)
                .addBoolean(s.counts)
                .addInteger(s.painBefore)
                .addInteger(s.painAfter)
                .addInteger(s.effort)
                .addString(s.newSymptoms)
                .addString(s.redFlags)
                .addBoolean(s.motorDeficit);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
