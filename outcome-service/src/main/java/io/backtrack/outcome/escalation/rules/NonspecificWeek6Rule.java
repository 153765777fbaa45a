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

/** ESC-NONSPECIFIC-WK6: adherent non-responder after six weeks, non-specific LBP → multidisciplinary programme; never imaging. */
public class NonspecificWeek6Rule extends BaseRule {

    public NonspecificWeek6Rule(EscalationThresholds thresholds) {
        super("ESC-NONSPECIFIC-WK6", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof ReviewOutcome review) || review.verdict() != ReviewVerdict.NON_RESPONDING
                || !review.adherent() || !isSecondReview(review) || profile.radicularOrStenosis()) {
            return List.of();
        }
        return List.of(recommend(EscalationType.MULTIDISCIPLINARY_PAIN_PROGRAM, Urgency.ROUTINE,
                "No response after six weeks of adherent care for non-specific low back pain: offer a "
                        + "multidisciplinary programme (imaging is not indicated without a red flag).",
                reviewEvidence(review, profile), "NICE NG59 1.2.7; ACP 2017"));
    }
}
