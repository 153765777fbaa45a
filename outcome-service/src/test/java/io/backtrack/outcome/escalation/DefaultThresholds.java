package io.backtrack.outcome.escalation;

/** The defaults of docs/clinical-rules.md §5, for rule tests without a running application. */
public record DefaultThresholds() implements EscalationThresholds {

    @Override
    public String ruleVersion() {
        return "1.1";
    }

    @Override
    public int flareRise() {
        return 3;
    }

    @Override
    public int flarePain() {
        return 8;
    }

    @Override
    public int consecutiveMissedWeeks() {
        return 2;
    }

    @Override
    public int surgicalOdiPercent() {
        return 40;
    }

    @Override
    public int firstReviewWeek() {
        return 4;
    }

    @Override
    public int weeksOfCareForSecondReview() {
        return 6;
    }
}
