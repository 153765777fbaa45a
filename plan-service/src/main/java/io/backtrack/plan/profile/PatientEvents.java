package io.backtrack.plan.profile;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.RedFlagFinding;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.UntrustedEventException;
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
 * An event that contradicts what is known (an unregistered patient, another clinic) is refused.
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

    /**
     * A patient is registered once: a second registration may not move them to another clinic or login,
     * and no registration may give them a login another patient signs in with.
     */
    private Uni<Void> registered(PatientRegistered registered) {
        return lock.lock(registered.patientId()).call(existing -> loginOfNoOtherPatient(registered)).chain(existing -> {
            if (existing == null) {
                PatientProfile profile = new PatientProfile();
                profile.patientId = registered.patientId();
                profile.clinicId = registered.clinicId();
                profile.loginSubject = registered.loginSubject();
                profile.conditions = List.of();
                profile.updatedAt = now();
                return profile.persist().replaceWithVoid();
            }
            if (!existing.clinicId.equals(registered.clinicId())
                    || existing.loginSubject != null && !existing.loginSubject.equals(registered.loginSubject())) {
                throw new UntrustedEventException("patient " + registered.patientId()
                        + " is already registered with another clinic or login");
            }
            existing.loginSubject = registered.loginSubject();
            existing.updatedAt = now();
            return Uni.createFrom().voidItem();
        });
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

    /**
     * The intake's red flags are opened with it, so an applied intake always comes with its flags. An
     * intake applied before, published again under another event id, changes nothing: it would bring
     * back the older conditions and the flags a clinician has cleared since.
     */
    private Uni<Void> intakeCompleted(IntakeCompleted intake) {
        return profile(intake.patientId(), intake.clinicId())
                .chain(profile -> AppliedIntake.<AppliedIntake>findById(intake.intakeId()).chain(applied -> {
                    if (applied == null) {
                        return apply(profile, intake);
                    }
                    if (!applied.patientId.equals(intake.patientId())) {
                        throw new UntrustedEventException("intake " + intake.intakeId() + " is not one of patient "
                                + intake.patientId() + "'s");
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    private Uni<Void> apply(PatientProfile intakeOf, IntakeCompleted intake) {
        return Uni.createFrom().item(intakeOf)
                .invoke(profile -> {
                    profile.conditions = intake.conditions();
                    profile.motorDeficit = intake.motorDeficit();
                    profile.progressiveDeficitRecorded |= intake.motorDeficit() || intake.redFlags().stream()
                            .anyMatch(finding -> finding.flag() == RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS);
                    profile.latestIntakeId = intake.intakeId();
                })
                .call(profile -> {
                    AppliedIntake applied = new AppliedIntake();
                    applied.intakeId = intake.intakeId();
                    applied.patientId = intake.patientId();
                    applied.intakeDate = intake.intakeDate();
                    applied.completedAt = intake.completedAt();
                    applied.appliedAt = now();
                    return applied.persist();
                })
                .call(profile -> openAll(intake.patientId(), intake.redFlags()))
                .chain(profile -> recheck.holdIfBroken(profile, "INTAKE_COMPLETED"));
    }

    private Uni<Void> redFlagRaised(RedFlagRaised raised) {
        return profile(raised.patientId(), raised.clinicId())
                .invoke(profile -> profile.progressiveDeficitRecorded |= raised.flag() == RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS)
                .call(profile -> raised.sessionId() == null ? Uni.createFrom().voidItem()
                        : OpenRedFlag.settleReported(raised.sessionId(), raised.flag().name()))
                .call(profile -> open(raised.patientId(), raised.flagId(), raised.flag().name(), raised.urgency().name()))
                .chain(profile -> recheck.holdIfBroken(profile, "RED_FLAG_RAISED"));
    }

    /**
     * Clears one of the patient's own flags: a flag cleared twice is gone already; another patient's
     * flag, or one the event names as of another kind than it is, stays and the event is refused.
     */
    private Uni<Void> redFlagCleared(RedFlagCleared cleared) {
        return profile(cleared.patientId(), cleared.clinicId())
                .chain(profile -> OpenRedFlag.<OpenRedFlag>findById(cleared.flagId()))
                .chain(flag -> {
                    if (flag == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!flag.patientId.equals(cleared.patientId())) {
                        throw new UntrustedEventException("red flag " + cleared.flagId() + " is not one of patient "
                                + cleared.patientId() + "'s");
                    }
                    if (!flag.flag.equals(cleared.flag().name())) {
                        throw new UntrustedEventException("red flag " + cleared.flagId() + " is " + flag.flag + ", not "
                                + cleared.flag());
                    }
                    return flag.delete();
                });
    }

    private Uni<Void> openAll(UUID patientId, List<RedFlagFinding> findings) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RedFlagFinding finding : findings) {
            chain = chain.chain(() -> open(patientId, finding.flagId(), finding.flag().name(), finding.urgency().name()));
        }
        return chain;
    }

    /** Opens a flag once; an id already open for another patient, or as another kind, is refused. */
    private Uni<Void> open(UUID patientId, UUID flagId, String code, String urgency) {
        return OpenRedFlag.<OpenRedFlag>findById(flagId).chain(existing -> {
            if (existing != null && !existing.patientId.equals(patientId)) {
                throw new UntrustedEventException("red flag " + flagId + " is not one of patient " + patientId + "'s");
            }
            if (existing != null && !existing.flag.equals(code)) {
                throw new UntrustedEventException("red flag " + flagId + " is " + existing.flag + ", not " + code);
            }
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

    /** The registered patient's profile, locked; an event about a patient of no or another clinic is refused. */
    private Uni<PatientProfile> profile(UUID patientId, String clinicId) {
        return lock.lock(patientId).map(profile -> {
            if (profile == null || !profile.clinicId.equals(clinicId)) {
                throw new UntrustedEventException("patient " + patientId + " is not registered in " + clinicId);
            }
            profile.updatedAt = now();
            return profile;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
