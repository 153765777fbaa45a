package io.backtrack.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A Patient-Specific Functional Scale: the mean over one to five rated activities. */
public record PsfsScore(int sum, int activities) {

    public static PsfsScore of(List<PsfsActivity> rated) {
        return new PsfsScore(rated.stream().mapToInt(PsfsActivity::score).sum(), rated.size());
    }

    /** The mean, half-up to one decimal, as it is recorded and compared. */
    public BigDecimal mean() {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(activities), 1, RoundingMode.HALF_UP);
    }
}
