package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.Urgency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in an escalation's history: who moved it, from what to what, when and why. */
@Entity
@Table(name = "escalation_transition")
public class EscalationTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public EscalationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public EscalationStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "rule_id")
    public String ruleId;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    static EscalationTransition of(Escalation escalation, EscalationStatus from, String ruleId, String reason,
            String actor, String actorRole) {
        EscalationTransition transition = new EscalationTransition();
        transition.id = UUID.randomUUID();
        transition.escalationId = escalation.id;
        transition.fromStatus = from;
        transition.toStatus = escalation.status;
        transition.urgency = escalation.urgency;
        transition.ruleId = ruleId;
        transition.reason = reason;
        transition.actor = actor;
        transition.actorRole = actorRole;
        transition.occurredAt = escalation.updatedAt;
        return transition;
    }
}
