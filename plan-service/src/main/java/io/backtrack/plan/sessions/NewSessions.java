package io.backtrack.plan.sessions;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanJson;
import io.backtrack.plan.plans.PlanPhase;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.backtrack.scoring.AdherenceWindow;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A session request judged against the plan version in force when it was performed: refused when it
 * does not fit, else the record to store, the event it publishes and the view it answers with. Both
 * ways of storing a session ({@link RoutineSessions}, {@link SessionService}) build it here.
 */
@RequestScoped
public class NewSessions {

    private final Caller caller;
    private final PlanJson json;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public NewSessions(Caller caller, PlanJson json, IdempotencyKeys keys, Clock clock) {
        this.caller = caller;
        this.json = json;
        this.keys = keys;
        this.clock = clock;
    }

    /** The session to store, once the request fits {@code phases}, the items of the version in force. */
    Session build(Plan plan, List<PlanPhase> phases, String idempotencyKey, SessionRequest request) {
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
        session.performedAt = performedAt(request);
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
        return session;
    }

    /** When the session was performed, to the microsecond the database keeps. */
    static Instant performedAt(SessionRequest request) {
        return request.performedAt().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * One patient performs one session at a time: a second one at the same instant is the first sent
     * again (a phone retrying without an Idempotency-Key) and would count twice for adherence.
     */
    static ProblemException alreadyLogged(Session earlier) {
        return new ProblemException(Problem.of(409, "session-already-logged", "Conflict",
                "Session " + earlier.id + " of this patient was performed at " + earlier.performedAt
                        + "; a retry sent with the first request's Idempotency-Key gets it back.",
                List.of(new Violation("performedAt", "one-session-per-instant",
                        "must differ from the instant of every session of the patient already logged"))));
    }

    SessionCompleted completed(Plan plan, Session s, SessionRequest request) {
        return new SessionCompleted(plan.patientId, plan.clinicId, plan.id, s.id, s.performedAt, s.planWeek,
                s.prescribed, s.done, s.counts, s.painBefore, s.painAfter, s.effort, request.newSymptomsOrEmpty(),
                request.reportedRedFlagsOrEmpty(), s.motorDeficit, s.loggedAt);
    }

    /** A stored session, its lists read back from their JSON columns. */
    SessionView view(Session s) {
        return view(s, json.strings(s.exercisesDone), json.strings(s.newSymptoms),
                json.strings(s.redFlags).stream().map(RedFlagCode::valueOf).toList());
    }

    /** A session just built from {@code request}: its lists are the request's, not parsed back. */
    SessionView view(Session s, SessionRequest request) {
        return view(s, request.exercisesDone(), request.newSymptomsOrEmpty(), request.reportedRedFlagsOrEmpty());
    }

    private static SessionView view(Session s, List<String> exercisesDone, List<String> newSymptoms,
            List<RedFlagCode> redFlags) {
        return new SessionView(s.id, s.planId, s.performedAt, s.loggedAt, s.planWeek, exercisesDone, s.prescribed,
                s.done, s.counts, s.painBefore, s.painAfter, s.effort, newSymptoms, redFlags, s.motorDeficit);
    }

    /** Counts a logged session by the way it was stored: {@code routine} or {@code full}. */
    static void countLogged(MeterRegistry registry, String path) {
        registry.counter("backtrack.sessions.logged", "path", path).increment();
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
}
