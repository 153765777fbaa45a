package io.backtrack.contracts.outcome;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation moved in its lifecycle, or an open one was raised to a higher urgency by a later
 * rule ({@code status} then equals {@code previousStatus}).
 */
public record EscalationUpdated(
        UUID patientId,
        String clinicId,
        UUID escalationId,
        EscalationType type,
        EscalationStatus previousStatus,
        EscalationStatus status,
        Urgency urgency,
        String ruleId,
        String reason,
        Instant updatedAt) {
}
