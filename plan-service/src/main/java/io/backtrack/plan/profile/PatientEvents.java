package io.backtrack.plan.profile;

import io.backtrack.contracts.clinical.RedFlagFinding;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.plan.plans.PlanRecheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the local clinical profile from patient-service events (this service never calls
 * patient-service). Each event is applied under the patient's profile lock, like plan changes, and a
 * fact that makes the current plan break a rule (a red flag, a contraindicated condition) holds it.
 */
@ApplicationScoped
public class PatientEvents {

    private static final String CONSUMER = "plan-service.patient-events";

    private final InboundEvents inbound;
    private final ProfileLock lock;
    private final PlanRecheck recheck;
    private final Clock clock;

    public PatientEvents(InboundEvents inbound, ProfileLock lock, PlanRecheck recheck, Clock clock) {
        this.inbound = inbound;
        this.lock = lock;
        this.recheck = recheck;
        this.clock = clock;
    }

    @Incoming("patient-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case PATIENT_REGISTERED -> registered(event.payloadAs(PatientRegistered.class));
            case INTAKE_COMPLETED -> intakeCompleted(event.payloadAs(IntakeCompleted.class));
            case RED_FLAG_RAISED -> redFlagRaised(event.payloadAs(RedFlagRaised.class));
            case RED_FLAG_CLEARED -> redFlagCleared(event.payloadAs(RedFlagCleared.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> registered(PatientRegistered registered) {
        return profile(registered.patientId(), registered.clinicId())
                .invoke(profile -> profile.loginSubject = registered.loginSubject())
                .replaceWithVoid();
    }

    /** The intake's red flags are opened with it, so an applied intake always comes with its flags. */
    private Uni<Void> intakeCompleted(IntakeCompleted intake) {
        return profile(intake.patientId(), intake.clinicId())
                .invoke(profile -> {
                    profile.conditions = intake.conditions();
                    profile.motorDeficit = intake.motorDeficit();
                    profile.latestIntakeId = intake.intakeId();
                })
                .call(profile -> AppliedIntake.findById(intake.intakeId()).chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().voidItem();
                    }
                    AppliedIntake applied = new AppliedIntake();
                    applied.intakeId = intake.intakeId();
                    applied.patientId = intake.patientId();
                    applied.intakeDate = intake.intakeDate();
                    applied.completedAt = intake.completedAt();
                    applied.appliedAt = now();
                    return applied.persist().replaceWithVoid();
                }))
                .call(profile -> openAll(intake.patientId(), intake.redFlags()))
                .chain(profile -> recheck.holdIfBroken(profile, "INTAKE_COMPLETED"));
    }

    private Uni<Void> redFlagRaised(RedFlagRaised raised) {
        return profile(raised.patientId(), raised.clinicId())
                .call(profile -> open(raised.patientId(), raised.flagId(), raised.flag().name(), raised.urgency().name()))
                .chain(profile -> recheck.holdIfBroken(profile, "RED_FLAG_RAISED"));
    }

    private Uni<Void> redFlagCleared(RedFlagCleared cleared) {
        return profile(cleared.patientId(), cleared.clinicId())
                .chain(profile -> OpenRedFlag.deleteById(cleared.flagId()))
                .replaceWithVoid();
    }

    private Uni<Void> openAll(UUID patientId, List<RedFlagFinding> findings) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RedFlagFinding finding : findings) {
            chain = chain.chain(() -> open(patientId, finding.flagId(), finding.flag().name(), finding.urgency().name()));
        }
        return chain;
    }

    private Uni<Void> open(UUID patientId, UUID flagId, String code, String urgency) {
        return OpenRedFlag.<OpenRedFlag>findById(flagId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            OpenRedFlag flag = new OpenRedFlag();
            flag.flagId = flagId;
            flag.patientId = patientId;
            flag.flag = code;
            flag.urgency = urgency;
            return flag.persist().replaceWithVoid();
        });
    }

    /** The patient's profile, locked; created on the first event about them. */
    private Uni<PatientProfile> profile(UUID patientId, String clinicId) {
        return lock.lock(patientId).chain(existing -> {
            PatientProfile profile = existing;
            if (profile == null) {
                profile = new PatientProfile();
                profile.patientId = patientId;
                profile.conditions = List.of();
            }
            profile.clinicId = clinicId;
            profile.updatedAt = now();
            return existing == null ? profile.<PatientProfile>persist() : Uni.createFrom().item(profile);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
