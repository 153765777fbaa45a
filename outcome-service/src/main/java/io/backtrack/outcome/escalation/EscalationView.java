package io.backtrack.outcome.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

/** An escalation; {@code version} is also its ETag, for {@code If-Match} on transitions. */
public record EscalationView(UUID id, UUID patientId, String clinicId, EscalationType type, Urgency urgency,
        String ruleId, String ruleVersion, String rationale,
        @Schema(implementation = Object.class,
                description = "The inputs the rule read, by name; which names depends on the rule.") JsonNode evidence, String guidelineReference,
        UUID reviewId, EscalationStatus status, String declineReason, Instant recommendedAt, Instant updatedAt,
        int version) {

    public String etag() {
        return etagOf(version);
    }

    static String etagOf(int version) {
        return "\"" + version + "\"";
    }

    public static EscalationView of(Escalation e) {
        try {
            return new EscalationView(e.id, e.patientId, e.clinicId, e.type, e.urgency, e.ruleId, e.ruleVersion,
                    e.rationale, EventJson.mapper().readTree(e.evidence), e.guidelineReference, e.reviewId, e.status,
                    e.declineReason, e.recommendedAt, e.updatedAt, e.rowVersion);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored evidence is JSON", ex);
        }
    }
}
