package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import java.util.Map;

/** What a rule that fired recommends, why, on which inputs, and on which guideline. */
public record Recommendation(String ruleId, String ruleVersion, EscalationType type, Urgency urgency,
        String rationale, Map<String, Object> evidence, String guidelineReference) {
}
