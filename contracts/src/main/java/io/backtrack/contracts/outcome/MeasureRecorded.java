package io.backtrack.contracts.outcome;

import io.backtrack.contracts.clinical.MeasureType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An outcome measure was recorded. {@code value} is NRS 0–10, ODI percent, or PSFS mean;
 * ODI also carries its raw sum and the sections answered.
 */
public record MeasureRecorded(
        UUID patientId,
        String clinicId,
        UUID measureId,
        MeasureType measure,
        LocalDate effectiveDate,
        BigDecimal value,
        Integer odiRawSum,
        Integer odiSectionsAnswered,
        Instant recordedAt) {
}
