package io.backtrack.patient.screening;

import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.patient.StartBackResult;
import java.util.stream.Stream;

/** Keele STarT Back scoring: total of items 1–9, psychosocial subscale of items 5–9, and risk. */
public final class StartBackScore {

    private StartBackScore() {
    }

    public static StartBackResult score(StartBackAnswers a, ScreeningRules rules) {
        int psychosocial = agreed(a.activityNotSafe(), a.worryingThoughts(), a.painTerribleNeverImprove(),
                a.stoppedEnjoyingThings()) + a.bothersomeness().score();
        int total = agreed(a.legPain(), a.shoulderOrNeckPain(), a.walkedOnlyShortDistances(), a.dressedMoreSlowly())
                + psychosocial;
        StartBackRisk risk;
        if (total <= rules.startBackLowMaxTotal()) {
            risk = StartBackRisk.LOW;
        } else if (psychosocial >= rules.startBackHighMinSubscale()) {
            risk = StartBackRisk.HIGH;
        } else {
            risk = StartBackRisk.MEDIUM;
        }
        return new StartBackResult(total, psychosocial, risk);
    }

    private static int agreed(Boolean... items) {
        return (int) Stream.of(items).filter(Boolean::booleanValue).count();
    }
}
