package io.backtrack.scoring;

import io.backtrack.contracts.outcome.MeasureChange;

/**
 * Reads a measure where lower is better (pain NRS, ODI) against its baseline: improved by a drop of
 * {@code mcidPoints} or of {@code mcidPercent} % of the baseline; worse by a rise of {@code worsePoints}.
 * A baseline of 0 cannot improve. All in exact arithmetic.
 */
public record MeasureComparison(long mcidPoints, long mcidPercent, long worsePoints) {

    public MeasureChange compare(Score baseline, Score current) {
        Score drop = baseline.minus(current);
        boolean improved = !baseline.isZero()
                && (drop.atLeast(mcidPoints) || drop.atLeastPercentOf(baseline, mcidPercent));
        boolean worse = drop.negate().atLeast(worsePoints);
        return new MeasureChange(baseline.display(), current.display(), drop.display(), improved, worse);
    }

    /** For a measure where higher is better (PSFS): change is current − baseline, so positive still means better. */
    public static MeasureChange higherIsBetter(Score baseline, Score current, long points) {
        Score rise = current.minus(baseline);
        return new MeasureChange(baseline.display(), current.display(), rise.display(), rise.atLeast(points),
                rise.negate().atLeast(points));
    }
}
