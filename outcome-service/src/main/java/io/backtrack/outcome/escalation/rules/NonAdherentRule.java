package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import io.backtrack.outcome.escalation.Trigger.WeeksMissed;
import java.util.List;
import java.util.Map;

/**
 * ESC-NON-ADHERENT: a PARTIAL or NON_RESPONDING verdict without adherence, or a run of missed weeks
 * reaching the threshold at any time → adherence intervention. A longer run does not fire again; a new
 * run does (docs/clinical-rules.md §7). The other review rules all need adherence, so when this one
 * fires at a review nothing more invasive does.
 */
public class NonAdherentRule extends BaseRule {

    private static final String REFERENCE = "Adherence threshold of the MiSpEx low back pain cohort (70 % of "
            + "prescribed sessions); Argent et al., JMIR mHealth 2018 (adherence support)";

    public NonAdherentRule(EscalationThresholds thresholds) {
        super("ESC-NON-ADHERENT", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (trigger instanceof ReviewOutcome review && !review.adherent()
                && (review.verdict() == ReviewVerdict.PARTIAL || review.verdict() == ReviewVerdict.NON_RESPONDING)) {
            return List.of(recommend(EscalationType.ADHERENCE_INTERVENTION, Urgency.ROUTINE,
                    "Therapy was not done as prescribed (adherence " + review.adherenceReported() + ") at a "
                            + review.verdict() + " week-" + review.week()
                            + " review: address adherence before escalating.",
                    reviewEvidence(review, profile), REFERENCE));
        }
        if (trigger instanceof WeeksMissed missed && missed.consecutiveMissedWeeks() == thresholds.consecutiveMissedWeeks()) {
            return List.of(recommend(EscalationType.ADHERENCE_INTERVENTION, Urgency.ROUTINE,
                    missed.consecutiveMissedWeeks() + " consecutive plan weeks were missed: explore barriers and "
                            + "simplify or supervise the programme.",
                    Map.of("planId", missed.planId(), "week", missed.week(),
                            "consecutiveMissedWeeks", missed.consecutiveMissedWeeks(),
                            "threshold", thresholds.consecutiveMissedWeeks()),
                    REFERENCE));
        }
        return List.of();
    }
}
