package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ESC-RADICULAR-WK6: adherent non-responder after six weeks of care with a radicular or stenosis
 * condition → MRI; plus surgical consult for ODI ≥ 40 % or a motor deficit; plus interventional pain
 * management for a radicular condition (not for stenosis claudication alone).
 */
public class RadicularWeek6Rule extends BaseRule {

    private static final String IMAGING = "MRI lumbar spine without contrast (SNOMED 394451000119106)";

    public RadicularWeek6Rule(EscalationThresholds thresholds) {
        super("ESC-RADICULAR-WK6", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.NON_RESPONDING
                || !review.adherent() || !isSecondReview(review) || !profile.radicularOrStenosis()) {
            return List.of();
        }
        Map<String, Object> evidence = reviewEvidence(review, profile);
        evidence.put("motorDeficit", profile.motorDeficit());
        evidence.put("surgicalOdiPercent", thresholds.surgicalOdiPercent());
        List<Recommendation> recommendations = new ArrayList<>();
        recommendations.add(recommend(EscalationType.IMAGING, Urgency.ROUTINE,
                "No response after six weeks of adherent care with a radicular or stenosis condition: " + IMAGING + ".",
                evidence, "ACR Appropriateness Criteria Low Back Pain 2021, variant 3"));
        boolean disablingOdi = review.odiAtReview() != null && review.odiAtReview().atLeast(thresholds.surgicalOdiPercent());
        if (disablingOdi || profile.motorDeficit()) {
            recommendations.add(recommend(EscalationType.SURGICAL_CONSULT, Urgency.ROUTINE,
                    "Persistent " + (disablingOdi ? "disability (ODI ≥ " + thresholds.surgicalOdiPercent() + " %)"
                            : "motor deficit") + " after six weeks of care: discuss surgical options.",
                    evidence, "NASS radiculopathy guideline; NICE NG59 1.3"));
        }
        if (profile.radicular()) {
            recommendations.add(recommend(EscalationType.INTERVENTIONAL_PAIN, Urgency.ROUTINE,
                    "Persistent radicular pain after six weeks of care: consider interventional pain management.",
                    evidence, "NICE NG59 1.3.1 (epidural injection for sciatica, not for stenosis claudication)"));
        }
        return recommendations;
    }
}
