package io.backtrack.outcome.events;

import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.UntrustedEventException;
import io.backtrack.outcome.escalation.EscalationEngine;
import io.backtrack.outcome.escalation.EscalationRecorder;
import io.backtrack.outcome.escalation.Trigger.RedFlagReported;
import io.backtrack.outcome.profile.IntakeBaseline;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.outcome.review.ReviewEvaluator;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.PatientLock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the patient profile and intake baselines, and runs the red-flag rules. Red flags are taken
 * from red-flag-raised only: patient-service publishes one for each EMERGENCY or URGENT flag of an
 * intake, so reading them from intake-completed as well would count them twice.
 */
@ApplicationScoped
public class PatientEvents {

    private static final String CONSUMER = "outcome-service.patient-events";

    private final InboundEvents inbound;
    private final EscalationEngine engine;
    private final EscalationRecorder escalations;
    private final ReviewEvaluator reviews;
    private final AuditTrail audit;
    private final PatientLock lock;
    private final Clock clock;

    public PatientEvents(InboundEvents inbound, EscalationEngine engine, EscalationRecorder escalations,
            ReviewEvaluator reviews, AuditTrail audit, PatientLock lock, Clock clock) {
        this.inbound = inbound;
        this.engine = engine;
        this.escalations = escalations;
        this.reviews = reviews;
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
    }

    @Incoming("patient-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return lock.hold(event.patientId())
                .chain(() -> handle(event))
                .chain(() -> audit.record(ReviewEvaluator.SYSTEM, AuditAction.UPDATE, "patient-profile", null,
                        event.patientId(), "applied " + event.type().ceType() + " " + event.id()));
    }

    private Uni<Void> handle(ReceivedEvent event) {
        return switch (event.type()) {
            case PATIENT_REGISTERED -> registered(event.payloadAs(PatientRegistered.class));
            case INTAKE_COMPLETED -> intake(event.payloadAs(IntakeCompleted.class));
            case RED_FLAG_RAISED -> redFlag(event.payloadAs(RedFlagRaised.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    /**
     * A patient is registered once: a second registration may not move them to another clinic or login,
     * and no registration may give them a login another patient signs in with.
     */
    private Uni<Void> registered(PatientRegistered registered) {
        return loginOfNoOtherPatient(registered)
                .chain(() -> PatientProfile.findOrCreate(registered.patientId(), registered.clinicId(), now()))
                .invoke(profile -> {
                    if (!profile.clinicId.equals(registered.clinicId()) || profile.loginSubject != null
                            && !profile.loginSubject.equals(registered.loginSubject())) {
                        throw new UntrustedEventException("patient " + registered.patientId()
                                + " is already registered with another clinic or login");
                    }
                    profile.loginSubject = registered.loginSubject();
                    profile.updatedAt = now();
                })
                .replaceWithVoid();
    }

    private static Uni<Void> loginOfNoOtherPatient(PatientRegistered registered) {
        if (registered.loginSubject() == null) {
            return Uni.createFrom().voidItem();
        }
        return PatientProfile.count("loginSubject = ?1 and patientId <> ?2", registered.loginSubject(),
                registered.patientId()).invoke(others -> {
                    if (others > 0) {
                        throw new UntrustedEventException("login " + registered.loginSubject()
                                + " is another patient's");
                    }
                }).replaceWithVoid();
    }

    /** The registered patient's profile; an event about a patient of no or another clinic is refused. */
    private Uni<PatientProfile> registeredProfile(UUID patientId, String clinicId) {
        return PatientProfile.<PatientProfile>findById(patientId).map(profile -> {
            if (profile == null || !profile.clinicId.equals(clinicId)) {
                throw new UntrustedEventException("patient " + patientId + " is not registered in " + clinicId);
            }
            return profile;
        });
    }

    private Uni<Void> intake(IntakeCompleted intake) {
        return registeredProfile(intake.patientId(), intake.clinicId())
                .invoke(profile -> {
                    profile.conditions = intake.conditions();
                    profile.motorDeficitIntake = intake.motorDeficit();
                    profile.chronicPainSyndrome = intake.chronicPainSyndrome();
                    profile.startBackRisk = intake.startBack() == null ? null : intake.startBack().risk();
                    profile.updatedAt = now();
                })
                .chain(() -> IntakeBaseline.findById(intake.intakeId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem() : baselineOf(intake).persist().replaceWithVoid())
                .chain(() -> reviews.evaluateAwaiting(intake.patientId()));
    }

    private static IntakeBaseline baselineOf(IntakeCompleted intake) {
        IntakeBaseline baseline = new IntakeBaseline();
        baseline.intakeId = intake.intakeId();
        baseline.patientId = intake.patientId();
        baseline.intakeDate = intake.intakeDate();
        baseline.completedAt = intake.completedAt();
        baseline.painNrs = intake.baseline().painNrs();
        baseline.odiPercent = intake.baseline().odiPercent();
        boolean odiScored = intake.baseline().odiPercent() != null;
        baseline.odiRawSum = odiScored ? intake.baseline().odiRawSum() : null;
        baseline.odiSections = odiScored ? intake.baseline().odiSectionsAnswered() : null;
        baseline.psfsMean = intake.baseline().psfsMean();
        return baseline;
    }

    /** A flag an intake screen found, or one a session reported (a new flag, or an open one it was folded into). */
    private Uni<Void> redFlag(RedFlagRaised raised) {
        String source = raised.sessionId() == null && raised.intakeId() != null ? "intake" : "session";
        return registeredProfile(raised.patientId(), raised.clinicId())
                .chain(profile -> escalations.record(raised.patientId(), raised.clinicId(), null, engine.evaluate(
                        new RedFlagReported(raised.flag(), raised.urgency(), source), profile.clinical())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
