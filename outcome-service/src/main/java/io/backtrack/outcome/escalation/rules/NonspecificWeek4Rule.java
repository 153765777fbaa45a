package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import java.util.List;
import java.util.Map;

/** ESC-NONSPECIFIC-WK4: adherent non-responder at week 4, non-specific LBP → revise the plan and a second opinion; never imaging. */
public class NonspecificWeek4Rule extends BaseRule {

    public NonspecificWeek4Rule(EscalationThresholds thresholds) {
        super("ESC-NONSPECIFIC-WK4", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.NON_RESPONDING
                || !review.adherent() || !isFirstReview(review) || profile.radicularOrStenosis()) {
            return List.of();
        }
        Map<String, Object> evidence = reviewEvidence(review, profile);
        return List.of(
                recommend(EscalationType.PLAN_REVISION, Urgency.ROUTINE,
                        "No response at week 4 despite adherence: change the exercise strategy.",
                        evidence, "NICE CG88/NG59 (offer another option when treatment does not help)"),
                recommend(EscalationType.SECOND_OPINION, Urgency.ROUTINE,
                        "No response at week 4 despite adherence: reassess the diagnosis with a second opinion "
                                + "(imaging is not indicated for non-specific low back pain).",
                        evidence,
                        "Delitto et al., JOSPT 2012 (reassessment); ACR Appropriateness Criteria Low Back Pain 2021"));
    }
}
