package io.backtrack.patient.redflag;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.Interest;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.UntrustedEventException;
import io.backtrack.patient.registration.Patient;
import io.backtrack.patient.screening.RedFlagRule;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A red flag a patient reports in a session opens a red flag on the patient, exactly as an intake
 * answer does (clinical rules §7): the patient is not cleared for therapy until a clinician clears
 * it. A flag of the same kind that is already open is not opened twice: the report is folded into it,
 * and it is published again with the session. A session of a patient this service does not know, or
 * of another clinic, is refused.
 */
@ApplicationScoped
public class SessionReports {

    private static final String CONSUMER = "patient-service.plan-events";
    private static final Actor SYSTEM = Actor.system("patient-service");
    private static final Interest SESSIONS_WITH_RED_FLAGS = Interest.in(EventType.SESSION_COMPLETED)
            .where(SessionReports::reportsRedFlags);

    private final InboundEvents inbound;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public SessionReports(InboundEvents inbound, EventOutbox outbox, AuditTrail audit, Clock clock) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Incoming("plan-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, SESSIONS_WITH_RED_FLAGS, this::apply);
    }

    /** Nearly every session reports none, and concerns this service not at all. */
    private static boolean reportsRedFlags(ReceivedEvent event) {
        return !flags(event.payloadAs(SessionCompleted.class)).isEmpty();
    }

    private static List<RedFlagCode> flags(SessionCompleted session) {
        return session.reportedRedFlags() == null ? List.of() : session.reportedRedFlags();
    }

    private Uni<Void> apply(ReceivedEvent event) {
        SessionCompleted session = event.payloadAs(SessionCompleted.class);
        List<RedFlagCode> flags = flags(session);
        return Patient.<Patient>findById(session.patientId(), LockModeType.PESSIMISTIC_WRITE).chain(patient -> {
            if (patient == null || !patient.clinicId.equals(session.clinicId())) {
                throw new UntrustedEventException("patient " + session.patientId() + " is not registered in "
                        + session.clinicId());
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RedFlagCode flag : new LinkedHashSet<>(flags)) {
                chain = chain.chain(() -> RedFlag.openOf(patient.id, flag))
                        .chain(open -> open == null ? open(patient, session, flag) : foldInto(open, session));
            }
            return chain;
        });
    }

    private Uni<Void> open(Patient patient, SessionCompleted session, RedFlagCode code) {
        RedFlagRule rule = RedFlagRule.of(code);
        RedFlag flag = new RedFlag();
        flag.id = UUID.randomUUID();
        flag.patientId = patient.id;
        flag.clinicId = patient.clinicId;
        flag.sessionId = session.sessionId();
        flag.flag = code;
        flag.urgency = rule.urgency();
        flag.suspectedCondition = rule.suspected();
        flag.raisedAt = now();
        return flag.persist()
                .chain(() -> outbox.append(patient.id, raised(flag, session)))
                .chain(() -> audit.record(SYSTEM, AuditAction.CREATE, RedFlagService.RESOURCE, flag.id, patient.id,
                        "reported in session " + session.sessionId()));
    }

    /**
     * A report of a kind already open is that flag: it is published again with the session, so that
     * plan-service, which held the plan on the report, knows which flag answers it.
     */
    private Uni<Void> foldInto(RedFlag open, SessionCompleted session) {
        return outbox.append(open.patientId, raised(open, session))
                .chain(() -> audit.record(SYSTEM, AuditAction.UPDATE, RedFlagService.RESOURCE, open.id, open.patientId,
                        "reported again in session " + session.sessionId()));
    }

    private static RedFlagRaised raised(RedFlag flag, SessionCompleted session) {
        return new RedFlagRaised(flag.patientId, flag.clinicId, flag.id, flag.intakeId, flag.flag, flag.urgency,
                flag.suspectedCondition, flag.raisedAt, session.sessionId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
