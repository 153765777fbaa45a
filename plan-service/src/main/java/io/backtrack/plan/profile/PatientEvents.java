package io.backtrack.plan.profile;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanLifecycle;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the local clinical profile from patient-service events (this service never calls
 * patient-service), and puts active plans ON_HOLD when a red flag is raised.
 */
@ApplicationScoped
public class PatientEvents {

    private static final String CONSUMER = "plan-service.patient-events";
    private static final Actor SYSTEM = Actor.system("plan-service");

    private final InboundEvents inbound;
    private final PlanLifecycle lifecycle;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientEvents(InboundEvents inbound, PlanLifecycle lifecycle, AuditTrail audit, Clock clock) {
        this.inbound = inbound;
        this.lifecycle = lifecycle;
        this.audit = audit;
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
            case RED_FLAG_CLEARED -> OpenRedFlag.deleteById(event.payloadAs(RedFlagCleared.class).flagId()).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> registered(PatientRegistered registered) {
        return profile(registered.patientId(), registered.clinicId())
                .invoke(profile -> profile.loginSubject = registered.loginSubject())
                .replaceWithVoid();
    }

    private Uni<Void> intakeCompleted(IntakeCompleted intake) {
        return profile(intake.patientId(), intake.clinicId())
                .invoke(profile -> {
                    profile.conditions = intake.conditions();
                    profile.motorDeficit = intake.motorDeficit();
                })
                .replaceWithVoid();
    }

    private Uni<Void> redFlagRaised(RedFlagRaised raised) {
        return OpenRedFlag.<OpenRedFlag>findById(raised.flagId())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    OpenRedFlag flag = new OpenRedFlag();
                    flag.flagId = raised.flagId();
                    flag.patientId = raised.patientId();
                    flag.flag = raised.flag().name();
                    flag.urgency = raised.urgency().name();
                    return flag.persist().replaceWithVoid();
                })
                .chain(() -> Plan.<Plan>list("patientId = ?1 and status = ?2", raised.patientId(), PlanStatus.ACTIVE))
                .chain(plans -> holdAll(plans, raised.patientId()));
    }

    private Uni<Void> holdAll(List<Plan> plans, UUID patientId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Plan plan : plans) {
            chain = chain
                    .chain(() -> lifecycle.change(plan, PlanStatus.ON_HOLD, "RED_FLAG_RAISED"))
                    .chain(() -> audit.record(SYSTEM, AuditAction.TRANSITION, "plan", plan.id, patientId,
                            "ON_HOLD: red flag raised"));
        }
        return chain;
    }

    private Uni<PatientProfile> profile(UUID patientId, String clinicId) {
        return PatientProfile.<PatientProfile>findById(patientId).chain(existing -> {
            PatientProfile profile = existing;
            if (profile == null) {
                profile = new PatientProfile();
                profile.patientId = patientId;
                profile.conditions = List.of();
            }
            profile.clinicId = clinicId;
            profile.updatedAt = clock.instant();
            return existing == null ? profile.<PatientProfile>persist() : Uni.createFrom().item(profile);
        });
    }
}
