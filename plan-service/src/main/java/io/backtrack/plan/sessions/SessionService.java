package io.backtrack.plan.sessions;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.access.PatientAccess;
import io.backtrack.plan.clocks.LateSessions;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanCourse;
import io.backtrack.plan.plans.PlanJson;
import io.backtrack.plan.plans.PlanLifecycle;
import io.backtrack.plan.plans.PlanPhase;
import io.backtrack.plan.plans.PlanRecheck;
import io.backtrack.plan.profile.OpenRedFlag;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.validation.RedFlagRule;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Logs sessions. A session is judged against the items of the plan version in force when it was
 * performed, an earlier one of the course for a session logged late. A retried POST with the same
 * Idempotency-Key and body returns the first session and counts once (another body under that key is
 * refused), and a session of the patient at the same instant without that key is refused as a
 * duplicate; a reported red-flag symptom puts the plan (ACTIVE or MAINTENANCE) ON_HOLD in the same
 * transaction, and a session logged after a review it counts for fell due updates that review's adherence.
 */
@RequestScoped
public class SessionService {

    static final String RESOURCE = "session";

    private final Caller caller;
    private final PatientAccess access;
    private final PlanJson json;
    private final PlanLifecycle lifecycle;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private final LateSessions lateSessions;
    private final NewSessions newSessions;
    private final MeterRegistry registry;
    private final RedFlagRule redFlagRule;
    private final PlanRecheck recheck;

    public SessionService(Caller caller, PatientAccess access, PlanJson json, PlanLifecycle lifecycle,
            AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox, LateSessions lateSessions,
            NewSessions newSessions, MeterRegistry registry, RedFlagRule redFlagRule, PlanRecheck recheck) {
        this.caller = caller;
        this.access = access;
        this.json = json;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
        this.lateSessions = lateSessions;
        this.newSessions = newSessions;
        this.registry = registry;
        this.redFlagRule = redFlagRule;
        this.recheck = recheck;
    }

    /** The session and whether this call created it (false: an earlier call with the same key did). */
    public record Logged(SessionView session, boolean created) {
    }

    /**
     * The patient is locked first: one patient's sessions are logged one at a time, so a retry running
     * at the same moment as its original finds it, and the plan's status cannot change meanwhile.
     */
    @WithTransaction
    public Uni<Logged> log(UUID planId, String idempotencyKey, SessionRequest request) {
        return access.planForChange(planId).chain(locked -> {
            Plan plan = locked.plan();
            Uni<Session> earlier = idempotencyKey == null
                    ? Uni.createFrom().nullItem()
                    : Session.<Session>find("idempotencyKey = ?1 and planId in (select p.id from Plan p where p.courseId = ?2)",
                            idempotencyKey, plan.courseId).firstResult();
            return earlier.chain(found -> {
                if (found == null) {
                    return create(plan, idempotencyKey, request)
                            .call(session -> session.motorDeficit ? deficitReported(locked.profile())
                                    : Uni.createFrom().voidItem())
                            .map(session -> new Logged(newSessions.view(session, request), true));
                }
                keys.requireSameRequest(idempotencyKey, found.requestHash, request);
                return audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, found.id, plan.patientId,
                        "idempotent replay").replaceWith(new Logged(newSessions.view(found), false));
            });
        });
    }

    @WithTransaction
    public Uni<List<SessionView>> list(UUID planId) {
        return access.plan(planId)
                .call(plan -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, plan.patientId, "list"))
                .chain(plan -> Session.<Session>list("planId = ?1 order by performedAt", planId))
                .map(sessions -> sessions.stream().map(newSessions::view).toList());
    }

    /**
     * Every session of the patient, of every plan version, in the order they were performed. Found
     * through the patient's plans, whose sessions are indexed, so that logging a session keeps
     * maintaining only the indexes it had.
     */
    @WithTransaction
    public Uni<List<SessionView>> ofPatient(UUID patientId) {
        return access.patient(patientId)
                .call(profile -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, patientId, "list"))
                .chain(profile -> Session.<Session>list(
                        "planId in (select p.id from Plan p where p.patientId = ?1) order by performedAt, id", patientId))
                .map(sessions -> sessions.stream().map(newSessions::view).toList());
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
                .map(newSessions::view);
    }

    private Uni<Session> create(Plan plan, String idempotencyKey, SessionRequest request) {
        if (!PlanLifecycle.IN_USE.contains(plan.status)) {
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
        Session session = newSessions.build(plan, phases, idempotencyKey, request);
        List<RedFlagCode> redFlags = request.reportedRedFlagsOrEmpty();
        return Session.<Session>find("performedAt = ?1 and planId in (select p.id from Plan p where p.patientId = ?2)",
                        session.performedAt, plan.patientId).firstResult()
                .invoke(then -> {
                    if (then != null) {
                        throw NewSessions.alreadyLogged(then);
                    }
                })
                .chain(() -> session.<Session>persist())
                .call(s -> outbox.append(plan.patientId, newSessions.completed(plan, s, request)))
                .call(s -> lateSessions.logged(plan, s))
                .call(s -> redFlags.isEmpty() ? Uni.createFrom().voidItem() : holdFor(plan, s, redFlags))
                .call(s -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, s.id, plan.patientId,
                        redFlags.isEmpty() ? null : "reported red flags " + redFlags))
                .invoke(() -> NewSessions.countLogged(registry, "full"));
    }

    /**
     * A motor deficit reported in a session is recorded, and the plan in use is checked again as after a
     * late intake: manipulation for a disc disorder breaks it now (unless the session's red flag held it).
     */
    private Uni<Void> deficitReported(PatientProfile profile) {
        profile.progressiveDeficitRecorded = true;
        return recheck.holdIfBroken(profile, "SESSION_MOTOR_DEFICIT");
    }

    /**
     * An ACTIVE or a MAINTENANCE plan alike: the plan lists why it is held, as a hold from an intake's flag
     * does, and the reported flags are open at once, so no resume or revision passes before patient-service
     * has raised them.
     */
    private Uni<Plan> holdFor(Plan plan, Session session, List<RedFlagCode> redFlags) {
        plan.holdViolations = json.write(List.of(redFlagRule.reportedInSession(redFlags)));
        Uni<Void> opened = Uni.createFrom().voidItem();
        for (RedFlagCode code : new LinkedHashSet<>(redFlags)) {
            opened = opened.chain(() -> OpenRedFlag.reportedIn(session.id, plan.patientId, code).persist().replaceWithVoid());
        }
        return opened.chain(() -> lifecycle.change(plan, PlanStatus.ON_HOLD, "SESSION_RED_FLAG", List.of(redFlagRule.id())));
    }
}
