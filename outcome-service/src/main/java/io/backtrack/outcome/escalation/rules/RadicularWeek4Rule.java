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

/** ESC-RADICULAR-WK4: adherent non-responder at week 4 with a radicular or stenosis condition → revise the plan. */
public class RadicularWeek4Rule extends BaseRule {

    public RadicularWeek4Rule(EscalationThresholds thresholds) {
        super("ESC-RADICULAR-WK4", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.NON_RESPONDING
                || !review.adherent() || !isFirstReview(review) || !profile.radicularOrStenosis()) {
            return List.of();
        }
        return List.of(recommend(EscalationType.PLAN_REVISION, Urgency.ROUTINE,
                "No response at week 4 despite adherence, with a radicular or stenosis condition: revise the plan "
                        + "and review again at week 6.",
                reviewEvidence(review, profile), "NICE NG59; ACP 2017 (1-month trial before imaging)"));
    }
}
