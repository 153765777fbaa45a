package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import java.util.List;
import java.util.Map;

/** ESC-PSYCHOSOCIAL: adherent non-responder with STarT Back HIGH or a chronic pain syndrome → multidisciplinary programme. */
public class PsychosocialRule extends BaseRule {

    public PsychosocialRule(EscalationThresholds thresholds) {
        super("ESC-PSYCHOSOCIAL", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.NON_RESPONDING
                || !review.adherent()) {
            return List.of();
        }
        boolean highRisk = profile.startBackRisk() == StartBackRisk.HIGH;
        if (!highRisk && !profile.chronicPainSyndrome()) {
            return List.of();
        }
        Map<String, Object> evidence = reviewEvidence(review, profile);
        evidence.put("startBackRisk", profile.startBackRisk());
        evidence.put("chronicPainSyndrome", profile.chronicPainSyndrome());
        return List.of(recommend(EscalationType.MULTIDISCIPLINARY_PAIN_PROGRAM, Urgency.ROUTINE,
                "No response despite adherence, with " + (highRisk ? "a HIGH STarT Back risk" : "a chronic pain syndrome")
                        + ": offer a combined physical and psychological programme.",
                evidence, "NICE NG59 1.2.7 (combined physical and psychological programme); STarT Back"));
    }
}
