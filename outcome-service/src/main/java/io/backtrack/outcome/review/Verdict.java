package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;

/**
 * The review verdict of docs/clinical-rules.md §4. Without a scored intake ODI the verdict reads pain
 * alone and, having one improved measure of two, can be at best PARTIAL: the conservative choice,
 * which keeps the week-6 review scheduled.
 */
public final class Verdict {

    private Verdict() {
    }

    public static ReviewVerdict of(MeasureChange pain, MeasureChange odi) {
        if (pain.worse() || (odi != null && odi.worse())) {
            return ReviewVerdict.WORSENING;
        }
        int improved = (pain.improved() ? 1 : 0) + (odi != null && odi.improved() ? 1 : 0);
        return switch (improved) {
            case 2 -> ReviewVerdict.RESPONDING;
            case 1 -> ReviewVerdict.PARTIAL;
            default -> ReviewVerdict.NON_RESPONDING;
        };
    }
}
