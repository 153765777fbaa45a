package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.RedFlagReported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ESC-RED-FLAG-URGENT: an URGENT red flag → urgent medical referral; plus imaging for progressive motor weakness. */
public class RedFlagUrgentRule extends BaseRule {

    public RedFlagUrgentRule(EscalationThresholds thresholds) {
        super("ESC-RED-FLAG-URGENT", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof RedFlagReported flag) || flag.urgency() != Urgency.URGENT) {
            return List.of();
        }
        Map<String, Object> evidence = Map.of("flag", flag.flag(), "urgency", flag.urgency(), "source", flag.source());
        List<Recommendation> recommendations = new ArrayList<>();
        recommendations.add(recommend(EscalationType.URGENT_MEDICAL_REFERRAL, Urgency.URGENT,
                "Red flag " + flag.flag() + " (" + flag.source() + ") needs an urgent medical assessment.",
                evidence, "NICE NG59; Finucane et al., IFOMPT framework for red flags, JOSPT 2020"));
        if (flag.flag() == RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS) {
            recommendations.add(recommend(EscalationType.IMAGING, Urgency.URGENT,
                    "Progressive motor weakness calls for urgent MRI of the lumbar spine.",
                    evidence, "ACR Appropriateness Criteria Low Back Pain 2021"));
        }
        return recommendations;
    }
}
