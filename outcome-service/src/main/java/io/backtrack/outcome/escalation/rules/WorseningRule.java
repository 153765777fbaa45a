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

/** ESC-WORSENING: verdict WORSENING → urgent second opinion, which includes a red-flag re-screen. */
public class WorseningRule extends BaseRule {

    public WorseningRule(EscalationThresholds thresholds) {
        super("ESC-WORSENING", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.WORSENING) {
            return List.of();
        }
        return List.of(recommend(EscalationType.SECOND_OPINION, Urgency.URGENT,
                "Pain or disability got worse by at least the MCID at the week-" + review.week()
                        + " review: get a second opinion and re-screen for red flags.",
                reviewEvidence(review, profile),
                "Ostelo et al., Spine 2008 (minimal important change); Childs et al., Spine 2005 (NRS)"));
    }
}
