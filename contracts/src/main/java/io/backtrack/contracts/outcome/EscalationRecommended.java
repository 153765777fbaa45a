package io.backtrack.contracts.outcome;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A rule recommended a next step; the evidence holds the inputs the rule read. */
public record EscalationRecommended(
        UUID patientId,
        String clinicId,
        UUID escalationId,
        EscalationType type,
        Urgency urgency,
        String ruleId,
        String ruleVersion,
        String rationale,
        Map<String, Object> evidence,
        String guidelineReference,
        UUID reviewId,
        Instant recommendedAt) {
}
