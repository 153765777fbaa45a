package io.backtrack.outcome.profile;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A patient's intake values, which reviews and progress compare against; ODI null when too few sections were answered. */
public record Baseline(LocalDate intakeDate, Integer painNrs, BigDecimal odiPercent, Integer odiRawSum,
        Integer odiSectionsAnswered, BigDecimal psfsMean) {

    /** The baseline of a known patient; none (null) for a patient whose intake has not arrived. */
    public static Baseline of(PatientProfile p) {
        return p == null ? null : new Baseline(p.intakeDate, p.baselinePainNrs, p.baselineOdiPercent, p.baselineOdiRawSum,
                p.baselineOdiSections, p.baselinePsfsMean);
    }
}
