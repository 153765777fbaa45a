package io.backtrack.outcome.escalation.rules;

import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationRule;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** Id, version and thresholds of a rule, and the evidence every review rule writes. */
abstract class BaseRule implements EscalationRule {

    protected final EscalationThresholds thresholds;
    private final String id;

    BaseRule(String id, EscalationThresholds thresholds) {
        this.id = id;
        this.thresholds = thresholds;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return thresholds.ruleVersion();
    }

    static Map<String, Object> reviewEvidence(ReviewOutcome review, ClinicalProfile profile) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reviewWeek", review.week());
        evidence.put("daysOfCare", review.daysOfCare());
        evidence.put("verdict", review.verdict());
        evidence.put("pain", review.pain());
        evidence.put("odi", review.odi());
        // the ODI the review measured, which a rule may read even when the intake had none to compare with
        evidence.put("odiAtReview", review.odiAtReview() == null ? null : review.odiAtReview().display());
        // the truncated integer earlier evidence carried, kept for the partners that read it
        evidence.put("adherencePercent", review.adherence().percent());
        evidence.put("adherenceCountedSessions", review.adherence().countedSessions());
        evidence.put("adherencePrescribedSessions", review.adherence().prescribedSessions());
        evidence.put("adherencePercentage", review.adherence().percentage());
        evidence.put("adherent", review.adherent());
        evidence.put("conditions", profile.conditions());
        return evidence;
    }

    boolean isFirstReview(ReviewOutcome review) {
        return review.week() == thresholds.firstReviewWeek();
    }

    boolean isSecondReview(ReviewOutcome review) {
        return review.week() > thresholds.firstReviewWeek()
                && review.daysOfCare() >= 7L * thresholds.weeksOfCareForSecondReview();
    }
}
