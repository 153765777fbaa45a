package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.outcome.EscalationUpdated;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.audit.PatientLock;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.input.IfMatch;
import io.backtrack.platform.input.VisibleText;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.backtrack.persistence.DatabaseFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Lists escalations of the caller's clinic and moves them through their lifecycle. */
@RequestScoped
public class EscalationService {

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final PatientLock lock;
    private final EventOutbox outbox;
    private final Clock clock;

    public EscalationService(Caller caller, PatientAccess access, AuditTrail audit, PatientLock lock, EventOutbox outbox,
            Clock clock) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.lock = lock;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<EscalationView>> search(EscalationStatus status, EscalationType type, UUID patientId) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Parameters parameters = Parameters.with("clinic", caller.requiredClinicId());
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (type != null) {
            query.append(" and type = :type");
            parameters.and("type", type);
        }
        if (patientId != null) {
            query.append(" and patientId = :patient");
            parameters.and("patient", patientId);
        }
        query.append(" order by recommendedAt desc, id");
        Uni<?> reachable = patientId == null ? Uni.createFrom().voidItem() : access.find(patientId);
        return reachable.chain(() -> Escalation.<Escalation>list(query.toString(), parameters))
                .map(found -> found.stream().map(EscalationView::of).toList())
                .call(views -> patientId != null ? Uni.createFrom().voidItem()
                        : audit.recordEach(Actor.of(caller), AuditAction.SEARCH, EscalationRecorder.RESOURCE,
                                views.stream().map(EscalationView::patientId).toList(), "found by escalation search"))
                .call(views -> audit.record(Actor.of(caller), AuditAction.SEARCH, EscalationRecorder.RESOURCE, null,
                        patientId, "status=" + status + " type=" + type + " results=" + views.size()));
    }

    /** Every escalation of one patient of the clinician's clinic, newest first; another clinic's patient is 404. */
    @WithTransaction
    public Uni<List<EscalationView>> ofPatient(UUID patientId) {
        return access.find(patientId)
                .chain(profile -> Escalation.<Escalation>list(
                        "clinicId = ?1 and patientId = ?2 order by recommendedAt desc, id", caller.requiredClinicId(), patientId))
                .map(found -> found.stream().map(EscalationView::of).toList())
                .call(views -> audit.record(Actor.of(caller), AuditAction.READ, EscalationRecorder.RESOURCE, null,
                        patientId, "list"));
    }

    @WithTransaction
    public Uni<EscalationView> get(UUID id) {
        return find(id)
                .call(e -> audit.record(Actor.of(caller), AuditAction.READ, EscalationRecorder.RESOURCE, e.id, e.patientId))
                .map(EscalationView::of);
    }

    /**
     * Moves the escalation one step, under its patient's lock ({@link PatientLock}). The write is
     * conditional on the version read: of concurrent conflicting clicks exactly one commits (with one
     * transition and one event); the others get 409, or 412 when they sent {@code If-Match}.
     */
    @WithTransaction
    public Uni<EscalationView> transition(UUID id, EscalationLifecycle step, String reason, String ifMatch) {
        return move(id, step, reason, ifMatch, EnumSet.allOf(EscalationStatus.class));
    }

    /**
     * The same, and only from a status in {@code onlyFrom} (409 otherwise): an answer to a CDS Hooks
     * card acts on the state the card showed, never on one the escalation reached since.
     */
    @WithTransaction
    public Uni<EscalationView> transition(UUID id, EscalationLifecycle step, String reason, Set<EscalationStatus> onlyFrom) {
        return move(id, step, reason, null, onlyFrom);
    }

    private Uni<EscalationView> move(UUID id, EscalationLifecycle step, String reason, String ifMatch,
            Set<EscalationStatus> onlyFrom) {
        if (step == EscalationLifecycle.DECLINE && !VisibleText.isPresent(reason)) {
            throw new ProblemException(Problem.unprocessable("reason", "DECLINE-REASON-REQUIRED",
                    "Declining an escalation needs the clinician's reason."));
        }
        IfMatch condition = IfMatch.parse(ifMatch);
        return findForChange(id).chain(e -> {
            if (condition != null && !condition.matches(String.valueOf(e.rowVersion))) {
                throw stale(e, true);
            }
            if (!step.allowedFrom(e.status) || !onlyFrom.contains(e.status)) {
                throw new ProblemException(Problem.conflict("illegal-escalation-transition",
                        "The escalation is " + e.status + "; it cannot become " + step.target() + ".")
                        .withExtension("currentStatus", e.status));
            }
            EscalationStatus previous = e.status;
            String trimmed = VisibleText.isPresent(reason) ? reason.trim() : null;
            e.status = step.target();
            e.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (step == EscalationLifecycle.DECLINE) {
                e.declineReason = trimmed;
            }
            return Panache.flush()
                    .onFailure(DatabaseFailures::isStaleWrite).transform(failure -> stale(e, ifMatch != null))
                    .chain(() -> EscalationTransition.of(e, previous, null, trimmed, caller.subject(),
                            caller.primaryRole()).persist())
                    .chain(() -> outbox.append(e.patientId, new EscalationUpdated(e.patientId, e.clinicId, e.id, e.type,
                            previous, e.status, e.urgency, e.ruleId, trimmed, e.updatedAt)))
                    .chain(() -> audit.record(Actor.of(caller), AuditAction.TRANSITION, EscalationRecorder.RESOURCE, e.id,
                            e.patientId, previous + " -> " + e.status + (trimmed == null ? "" : ": " + trimmed)))
                    .replaceWith(() -> EscalationView.of(e));
        });
    }

    private static ProblemException stale(Escalation e, boolean conditional) {
        String detail = "Escalation " + e.id + " was changed by someone else meanwhile; read it again.";
        return new ProblemException(conditional ? Problem.preconditionFailed(detail)
                : Problem.conflict("concurrent-transition", detail));
    }

    /** The escalation read again under its patient's lock, so the checks see what the last writer committed. */
    private Uni<Escalation> findForChange(UUID id) {
        return find(id)
                .call(e -> lock.hold(e.patientId))
                .call(e -> Panache.getSession().chain(session -> session.refresh(e)));
    }

    private Uni<Escalation> find(UUID id) {
        return Escalation.<Escalation>findById(id).map(e -> {
            if (e == null) {
                throw new OutOfReachException(EscalationRecorder.RESOURCE, id, null);
            }
            access.requireClinicianOf(e.clinicId, EscalationRecorder.RESOURCE, id, e.patientId);
            return e;
        });
    }
}
