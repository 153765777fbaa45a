package io.backtrack.plan.sessions;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.access.PatientAccess;
import io.backtrack.plan.clocks.LateSessions;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanCourse;
import io.backtrack.plan.plans.PlanJson;
import io.backtrack.plan.plans.PlanLifecycle;
import io.backtrack.plan.plans.PlanPhase;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.backtrack.scoring.AdherenceWindow;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Logs sessions. A session is judged against the items of the plan version in force when it was
 * performed, an earlier one of the course for a session logged late. A retried POST with the same
 * Idempotency-Key and body returns the first session and counts once (another body under that key is
 * refused); a reported red-flag symptom puts the plan ON_HOLD in the same transaction, and a session
 * logged after a review it counts for fell due updates that review's adherence.
 */
@RequestScoped
public class SessionService {

    static final String RESOURCE = "session";
    private static final Set<PlanStatus> LOGGABLE = EnumSet.of(PlanStatus.ACTIVE, PlanStatus.MAINTENANCE);

    private final Caller caller;
    private final PatientAccess access;
    private final PlanJson json;
    private final PlanLifecycle lifecycle;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private final LateSessions lateSessions;
    private final Clock clock;

    public SessionService(Caller caller, PatientAccess access, PlanJson json, PlanLifecycle lifecycle,
            AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox, LateSessions lateSessions, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.json = json;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
        this.lateSessions = lateSessions;
        this.clock = clock;
    }

    /** The session and whether this call created it (false: an earlier call with the same key did). */
    public record Logged(SessionView session, boolean created) {
    }

    /**
     * The plan row is locked first: sessions of one plan are logged one at a time, so a retry running
     * at the same moment as its original finds it, and the plan's status cannot change meanwhile.
     */
    @WithTransaction
    public Uni<Logged> log(UUID planId, String idempotencyKey, SessionRequest request) {
        return access.plan(planId, LockModeType.PESSIMISTIC_WRITE).chain(plan -> {
            Uni<Session> earlier = idempotencyKey == null
                    ? Uni.createFrom().nullItem()
                    : Session.<Session>find("planId = ?1 and idempotencyKey = ?2", planId, idempotencyKey).firstResult();
            return earlier.chain(found -> {
                if (found == null) {
                    return create(plan, idempotencyKey, request).map(session -> new Logged(view(session), true));
                }
                keys.requireSameRequest(idempotencyKey, found.requestHash, request);
                return audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, found.id, plan.patientId,
                        "idempotent replay").replaceWith(new Logged(view(found), false));
            });
        });
    }

    @WithTransaction
    public Uni<List<SessionView>> list(UUID planId) {
        return access.plan(planId)
                .call(plan -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, plan.patientId, "list"))
                .chain(plan -> Session.<Session>list("planId = ?1 order by performedAt", planId))
                .map(sessions -> sessions.stream().map(this::view).toList());
    }

    /** One session of the plan; a session of another plan is as unknown as a made-up id. */
    @WithTransaction
    public Uni<SessionView> get(UUID planId, UUID sessionId) {
        return access.plan(planId)
                .chain(plan -> Session.<Session>find("id = ?1 and planId = ?2", sessionId, planId).firstResult()
                        .map(session -> {
                            if (session == null) {
                                throw new ProblemException(Problem.notFound("No such session of this plan."));
                            }
                            return session;
                        })
                        .call(session -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, session.id,
                                plan.patientId)))
                .map(this::view);
    }

    private Uni<Session> create(Plan plan, String idempotencyKey, SessionRequest request) {
        if (!LOGGABLE.contains(plan.status)) {
            throw new ProblemException(Problem.conflict("plan-not-active",
                    "Sessions are logged on an ACTIVE or MAINTENANCE plan; this one is " + plan.status + "."));
        }
        if (plan.version == 1 || !request.performedAt().isBefore(plan.createdAt)) {
            return create(plan, json.phases(plan), idempotencyKey, request);
        }
        return PlanCourse.of(plan.courseId).chain(course -> create(plan, json.phases(course.inForceAt(
                request.performedAt())), idempotencyKey, request));
    }

    /**
     * {@code phases} are those of the version in force when the session was performed: the plan it is
     * logged on (a loggable plan is its course's latest version) or, for a session performed before
     * that version was created, the earlier version then in force.
     */
    private Uni<Session> create(Plan plan, List<PlanPhase> phases, String idempotencyKey, SessionRequest request) {
        rejectInconsistent(plan, phases, request);
        LocalDate performedOn = LocalDate.ofInstant(request.performedAt(), ZoneOffset.UTC);
        int week = AdherenceWindow.weekOf(plan.startDate, performedOn);
        PrescribedSession prescribed = PrescribedSession.forWeek(phases, week);

        Session session = new Session();
        session.id = UUID.randomUUID();
        session.planId = plan.id;
        session.patientId = plan.patientId;
        session.idempotencyKey = idempotencyKey;
        session.requestHash = idempotencyKey == null ? null : keys.fingerprint(request);
        session.performedAt = request.performedAt().truncatedTo(ChronoUnit.MICROS);
        session.loggedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        session.loggedBy = caller.subject();
        session.planWeek = week;
        session.exercisesDone = json.write(request.exercisesDone());
        session.prescribed = prescribed.exercises().size();
        session.done = prescribed.done(request.exercisesDone());
        session.counts = prescribed.counts(request.exercisesDone());
        session.painBefore = request.painBefore();
        session.painAfter = request.painAfter();
        session.effort = request.effort();
        session.newSymptoms = json.write(request.newSymptomsOrEmpty());
        session.redFlags = json.write(request.reportedRedFlagsOrEmpty());
        session.motorDeficit = Boolean.TRUE.equals(request.motorDeficit());

        List<RedFlagCode> redFlags = request.reportedRedFlagsOrEmpty();
        return session.<Session>persist()
                .call(s -> outbox.append(plan.patientId, new SessionCompleted(plan.patientId, plan.clinicId, plan.id,
                        s.id, s.performedAt, s.planWeek, s.prescribed, s.done, s.counts, s.painBefore, s.painAfter,
                        s.effort, request.newSymptomsOrEmpty(), redFlags, s.motorDeficit, s.loggedAt)))
                .call(s -> lateSessions.logged(plan, s))
                .call(s -> redFlags.isEmpty() || plan.status != PlanStatus.ACTIVE
                        ? Uni.createFrom().voidItem()
                        : lifecycle.change(plan, PlanStatus.ON_HOLD, "SESSION_RED_FLAG"))
                .call(s -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, s.id, plan.patientId,
                        redFlags.isEmpty() ? null : "reported red flags " + redFlags));
    }

    private void rejectInconsistent(Plan plan, List<PlanPhase> phases, SessionRequest request) {
        List<Violation> violations = new ArrayList<>();
        Instant now = clock.instant();
        if (request.performedAt().isAfter(now)) {
            violations.add(new Violation("performedAt", "not-in-future", "must not be in the future"));
        }
        if (LocalDate.ofInstant(request.performedAt(), ZoneOffset.UTC).isBefore(plan.startDate)) {
            violations.add(new Violation("performedAt", "not-before-plan-start", "must not be before the plan starts"));
        }
        Set<String> planned = phases.stream().flatMap(p -> p.items().stream())
                .map(PlanPhase.Prescription::exerciseCode).collect(Collectors.toSet());
        for (int i = 0; i < request.exercisesDone().size(); i++) {
            if (!planned.contains(request.exercisesDone().get(i))) {
                violations.add(new Violation("exercisesDone[" + i + "]", "planned-exercise",
                        "'" + request.exercisesDone().get(i) + "' is not part of the plan in force when it was performed"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("The session does not fit the plan.", violations));
        }
    }

    private SessionView view(Session s) {
        return new SessionView(s.id, s.planId, s.performedAt, s.loggedAt, s.planWeek, json.strings(s.exercisesDone),
                s.prescribed, s.done, s.counts, s.painBefore, s.painAfter, s.effort, json.strings(s.newSymptoms),
                json.strings(s.redFlags).stream().map(RedFlagCode::valueOf).toList(), s.motorDeficit);
    }
}
