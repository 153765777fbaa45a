package io.backtrack.outcome.events;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.UntrustedEventException;
import io.backtrack.outcome.escalation.EscalationEngine;
import io.backtrack.outcome.escalation.EscalationRecorder;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.RedFlagUrgency;
import io.backtrack.outcome.escalation.Trigger.RedFlagReported;
import io.backtrack.outcome.escalation.Trigger.SessionReported;
import io.backtrack.outcome.escalation.Trigger.WeeksMissed;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.outcome.profile.PlanSnapshot;
import io.backtrack.outcome.review.ReviewEvaluator;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.PatientLock;
import io.backtrack.scoring.ReviewWeeks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps plan snapshots and adherence, opens reviews, and runs the rules that sessions and missed weeks trigger. */
@ApplicationScoped
public class PlanEvents {

    private static final String CONSUMER = "outcome-service.plan-events";

    private final InboundEvents inbound;
    private final RoutinePlanEvents routine;
    private final EscalationEngine engine;
    private final EscalationRecorder escalations;
    private final ReviewEvaluator reviews;
    private final AuditTrail audit;
    private final PatientLock lock;
    private final Clock clock;

    public PlanEvents(InboundEvents inbound, RoutinePlanEvents routine, EscalationEngine engine,
            EscalationRecorder escalations, ReviewEvaluator reviews, AuditTrail audit, PatientLock lock, Clock clock) {
        this.inbound = inbound;
        this.routine = routine;
        this.engine = engine;
        this.escalations = escalations;
        this.reviews = reviews;
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
    }

    @Incoming("plan-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, routine, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return lock.hold(event.patientId())
                .chain(() -> agreesWithWhatIsKnown(event))
                .chain(() -> handle(event))
                .chain(() -> audit.record(ReviewEvaluator.SYSTEM, AuditAction.UPDATE, "plan-snapshot", null,
                        event.patientId(), applied(event)));
    }

    /**
     * plan-service never moves a patient to another clinic, nor a plan to another patient or clinic: an
     * event that says otherwise of a patient or plan known here (the plan it names, or the one a new
     * version supersedes) is refused. Every version of a plan is announced by its plan-activated, on the
     * patient's partition before anything else about it, so an event about any other plan, or a new
     * version of one, is refused too. The routine paths apply only events that match both
     * ({@link RoutineSessions}, {@link RoutineMissedWeeks}).
     */
    private static Uni<Void> agreesWithWhatIsKnown(ReceivedEvent event) {
        String clinicId = event.payload().path("clinicId").asText();
        UUID planId = UUID.fromString(event.payload().path("planId").asText());
        return PatientProfile.<PatientProfile>findById(event.patientId())
                .invoke(profile -> {
                    if (profile != null && !profile.clinicId.equals(clinicId)) {
                        throw new UntrustedEventException("patient " + event.patientId() + " is not in " + clinicId);
                    }
                })
                .chain(() -> ofThePatient(event, planId, clinicId, event.type() != EventType.PLAN_ACTIVATED))
                .chain(() -> event.payload().hasNonNull("supersedesPlanId")
                        ? ofThePatient(event, UUID.fromString(event.payload().path("supersedesPlanId").asText()),
                                clinicId, true)
                        : Uni.createFrom().voidItem());
    }

    /** A plan known here is the event's patient's, in its clinic; one not known here is refused when {@code known}. */
    private static Uni<Void> ofThePatient(ReceivedEvent event, UUID planId, String clinicId, boolean known) {
        return PlanSnapshot.<PlanSnapshot>findById(planId)
                .invoke(plan -> {
                    if (plan == null && known) {
                        throw new UntrustedEventException("plan " + planId + " was never activated");
                    }
                    if (plan != null
                            && (!plan.patientId.equals(event.patientId()) || !plan.clinicId.equals(clinicId))) {
                        throw new UntrustedEventException("plan " + planId + " is not patient " + event.patientId()
                                + "'s in " + clinicId);
                    }
                })
                .replaceWithVoid();
    }

    /** The audit entry's detail for an applied event, whichever path applied it. */
    static String applied(ReceivedEvent event) {
        return "applied " + event.type().ceType() + " " + event.id();
    }

    private Uni<Void> handle(ReceivedEvent event) {
        return switch (event.type()) {
            case PLAN_ACTIVATED -> activated(event.payloadAs(PlanActivated.class));
            case SESSION_COMPLETED -> session(event.payloadAs(SessionCompleted.class));
            case ADHERENCE_MISSED -> missed(event.payloadAs(AdherenceMissed.class));
            case REVIEW_DUE, FOUR_WEEK_REVIEW_DUE -> reviewDue(event.payloadAs(ReviewDue.class));
            case REVIEW_ADHERENCE_UPDATED -> reviews.adherenceUpdated(event.payloadAs(ReviewAdherenceUpdated.class));
            case PLAN_STATUS_CHANGED -> statusChanged(event.payloadAs(PlanStatusChanged.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> activated(PlanActivated activated) {
        return PlanSnapshot.<PlanSnapshot>findById(activated.planId()).chain(found -> {
            PlanSnapshot plan = found != null ? found : new PlanSnapshot();
            plan.planId = activated.planId();
            plan.patientId = activated.patientId();
            plan.clinicId = activated.clinicId();
            plan.startDate = activated.startDate();
            plan.sessionsPerWeek = activated.sessionsPerWeek();
            if (plan.statusChangedAt == null) { // an activation redelivered late does not undo a status change
                plan.status = PlanStatus.ACTIVE;
            }
            plan.updatedAt = now();
            return (found != null ? Uni.createFrom().voidItem() : plan.persist().replaceWithVoid())
                    .chain(() -> PatientProfile.findOrCreate(activated.patientId(), activated.clinicId(), now()))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> session(SessionCompleted session) {
        return PatientProfile.findOrCreate(session.patientId(), session.clinicId(), now())
                .invoke(profile -> {
                    if (session.motorDeficitReported()) {
                        profile.motorDeficitSession = true;
                        profile.updatedAt = now();
                    }
                })
                .chain(profile -> {
                    List<Recommendation> recommendations = new ArrayList<>();
                    for (RedFlagCode flag : session.reportedRedFlags() == null ? List.<RedFlagCode>of()
                            : session.reportedRedFlags()) {
                        recommendations.addAll(engine.evaluate(
                                new RedFlagReported(flag, RedFlagUrgency.of(flag), "session"), profile.clinical()));
                    }
                    recommendations.addAll(engine.evaluate(
                            new SessionReported(session.sessionId(), session.painBefore(), session.painAfter()),
                            profile.clinical()));
                    return escalations.record(session.patientId(), session.clinicId(), null, recommendations);
                });
    }

    private Uni<Void> missed(AdherenceMissed missed) {
        return PlanSnapshot.<PlanSnapshot>findById(missed.planId())
                .invoke(plan -> plan.weekMissed(missed.week(), missed.consecutiveMissedWeeks(), now()))
                .chain(() -> PatientProfile.findOrCreate(missed.patientId(), missed.clinicId(), now()))
                .chain(profile -> escalations.record(missed.patientId(), missed.clinicId(), null, engine.evaluate(
                        new WeeksMissed(missed.planId(), missed.week(), missed.consecutiveMissedWeeks()),
                        profile.clinical())));
    }

    /**
     * Under either name (the deprecated one comes from producers older than 1.3): one review either way.
     * Reviews fall due at weeks 4 and 6 of the course, seven days a week from its day 0
     * (docs/clinical-rules.md §4): a review-due saying otherwise of itself, or of the plan known here,
     * is refused.
     */
    private Uni<Void> reviewDue(ReviewDue due) {
        if (!ReviewWeeks.isReviewWeek(due.week())
                || !due.dueDate().equals(ReviewWeeks.dueOn(due.planStartDate(), due.week()))) {
            throw new UntrustedEventException("a week-" + due.week() + " review due on " + due.dueDate()
                    + " of a plan started on " + due.planStartDate() + " is no review of the rules");
        }
        return PlanSnapshot.<PlanSnapshot>findById(due.planId())
                .invoke(plan -> {
                    if (!plan.startDate.equals(due.planStartDate())) {
                        throw new UntrustedEventException("plan " + due.planId() + " started on " + plan.startDate
                                + ", not on " + due.planStartDate());
                    }
                    plan.reviewed(due.week(), due.adherence(), now());
                })
                .chain(() -> reviews.open(due));
    }

    private Uni<Void> statusChanged(PlanStatusChanged changed) {
        return PlanSnapshot.<PlanSnapshot>findById(changed.planId())
                .invoke(plan -> plan.statusChanged(changed.to(), changed.changedAt(), now()))
                .replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
