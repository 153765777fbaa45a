package io.backtrack.contracts.outcome;

import java.math.BigDecimal;

/** A measure at review against its intake baseline, with the MCID reading. */
public record MeasureChange(BigDecimal baseline, BigDecimal current, BigDecimal change, boolean improved, boolean worse) {
}
