package io.backtrack.outcome.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.outcome.EscalationRecommended;
import io.backtrack.contracts.outcome.EscalationUpdated;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Turns the recommendations of the rules into escalations, inside the caller's transaction: a new
 * one per type, or, when one of that type is open, no new one: its urgency is raised if the new
 * recommendation is more urgent, and what the rule found is kept in its history either way. Every
 * firing is audited with its rule.
 */
@ApplicationScoped
public class EscalationRecorder {

    static final String RESOURCE = "escalation";
    private static final Actor RULES = Actor.system("outcome-service");

    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry registry;

    public EscalationRecorder(EventOutbox outbox, AuditTrail audit, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
    }

    public Uni<Void> record(UUID patientId, String clinicId, UUID reviewId, List<Recommendation> recommendations) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Recommendation recommendation : recommendations) {
            chain = chain.chain(() -> recordOne(patientId, clinicId, reviewId, recommendation));
        }
        return chain;
    }

    private Uni<Void> recordOne(UUID patientId, String clinicId, UUID reviewId, Recommendation recommendation) {
        return Escalation.findOpen(patientId, recommendation.type()).chain(open -> {
            if (open == null) {
                return create(patientId, clinicId, reviewId, recommendation);
            }
            if (recommendation.urgency().isMoreUrgentThan(open.urgency)) {
                return raise(open, recommendation);
            }
            return alsoFound(open, recommendation);
        });
    }

    /**
     * The open escalation of the type covers the recommendation; what the rule found is kept on it as a
     * step of its history (several URGENT flags raise one referral, and each of them is shown).
     */
    private Uni<Void> alsoFound(Escalation open, Recommendation recommendation) {
        String reason = "also found by " + recommendation.ruleId() + ": " + recommendation.rationale();
        EscalationTransition step = EscalationTransition.of(open, open.status, recommendation.ruleId(), reason,
                RULES.subject(), RULES.role());
        step.occurredAt = now();
        return step.persist()
                .chain(() -> audit.record(RULES, AuditAction.UPDATE, RESOURCE, open.id, open.patientId,
                        recommendation.ruleId() + " fired; the open " + open.type + " escalation already covers it"));
    }

    private Uni<Void> create(UUID patientId, String clinicId, UUID reviewId, Recommendation recommendation) {
        Instant now = now();
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        escalation.patientId = patientId;
        escalation.clinicId = clinicId;
        escalation.type = recommendation.type();
        escalation.urgency = recommendation.urgency();
        escalation.ruleId = recommendation.ruleId();
        escalation.ruleVersion = recommendation.ruleVersion();
        escalation.rationale = recommendation.rationale();
        escalation.evidence = json(recommendation);
        escalation.guidelineReference = recommendation.guidelineReference();
        escalation.reviewId = reviewId;
        escalation.status = EscalationStatus.RECOMMENDED;
        escalation.recommendedAt = now;
        escalation.updatedAt = now;
        return escalation.persistAndFlush()
                .chain(() -> EscalationTransition.of(escalation, null, recommendation.ruleId(), recommendation.rationale(),
                        RULES.subject(), RULES.role()).persist())
                .chain(() -> outbox.append(patientId, new EscalationRecommended(patientId, clinicId, escalation.id,
                        escalation.type, escalation.urgency, escalation.ruleId, escalation.ruleVersion,
                        escalation.rationale, recommendation.evidence(), escalation.guidelineReference, reviewId, now)))
                .chain(() -> audit.record(RULES, AuditAction.CREATE, RESOURCE, escalation.id, patientId,
                        recommendation.ruleId() + " " + recommendation.ruleVersion() + " recommended " + escalation.type
                                + " (" + escalation.urgency + ")"))
                .invoke(() -> {
                    registry.counter("backtrack.escalations.recommended", "type", escalation.type.name()).increment();
                    Log.infof("escalation %s recommends %s (%s) by %s", escalation.id, escalation.type,
                            escalation.urgency, escalation.ruleId);
                });
    }

    private Uni<Void> raise(Escalation open, Recommendation recommendation) {
        open.urgency = recommendation.urgency();
        open.updatedAt = now();
        String reason = "urgency raised to " + open.urgency + " by " + recommendation.ruleId();
        return EscalationTransition.of(open, open.status, recommendation.ruleId(), reason, RULES.subject(), RULES.role())
                .persist()
                .chain(() -> outbox.append(open.patientId, new EscalationUpdated(open.patientId, open.clinicId, open.id,
                        open.type, open.status, open.status, open.urgency, recommendation.ruleId(), reason, open.updatedAt)))
                .chain(() -> audit.record(RULES, AuditAction.UPDATE, RESOURCE, open.id, open.patientId, reason));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String json(Recommendation recommendation) {
        try {
            return EventJson.mapper().writeValueAsString(recommendation.evidence());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence is plain data", e);
        }
    }
}
