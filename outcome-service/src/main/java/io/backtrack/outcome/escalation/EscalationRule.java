package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import java.util.List;
import java.util.Map;

/** One rule of docs/clinical-rules.md §5: silent (an empty list) or one or more recommendations. */
public interface EscalationRule {

    String id();

    String version();

    List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile);

    default Recommendation recommend(EscalationType type, Urgency urgency, String rationale,
            Map<String, Object> evidence, String guidelineReference) {
        return new Recommendation(id(), version(), type, urgency, rationale, evidence, guidelineReference);
    }
}
