package io.backtrack.contracts.patient;

import java.math.BigDecimal;

/**
 * Baseline measures at intake. ODI fields are null when fewer than the minimum sections were
 * answered ({@code odiMissingReason} then names the rule); PSFS is null when no activity was rated.
 */
public record IntakeBaseline(
        int painNrs,
        BigDecimal odiPercent,
        Integer odiRawSum,
        int odiSectionsAnswered,
        String odiMissingReason,
        BigDecimal psfsMean) {
}
