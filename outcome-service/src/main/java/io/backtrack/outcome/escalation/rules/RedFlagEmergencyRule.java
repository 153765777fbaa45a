package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.RedFlagReported;
import java.util.List;
import java.util.Map;

/** ESC-RED-FLAG-EMERGENCY: an EMERGENCY red flag (suspected cauda equina) → emergency referral. */
public class RedFlagEmergencyRule extends BaseRule {

    public RedFlagEmergencyRule(EscalationThresholds thresholds) {
        super("ESC-RED-FLAG-EMERGENCY", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof RedFlagReported flag) || flag.urgency() != Urgency.EMERGENCY) {
            return List.of();
        }
        return List.of(recommend(EscalationType.EMERGENCY_REFERRAL, Urgency.EMERGENCY,
                "Red flag " + flag.flag() + " (" + flag.source() + ") suggests an emergency: refer the same day.",
                Map.of("flag", flag.flag(), "urgency", flag.urgency(), "source", flag.source()),
                "NICE NG59; BMJ Best Practice, cauda equina syndrome"));
    }
}
