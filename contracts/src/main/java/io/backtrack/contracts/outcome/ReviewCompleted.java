package io.backtrack.contracts.outcome;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A review reached its end: COMPLETED with a verdict and the numbers behind it, or OVERDUE
 * (no measures in time) without a verdict.
 */
public record ReviewCompleted(
        UUID patientId,
        String clinicId,
        UUID reviewId,
        UUID planId,
        int week,
        LocalDate dueDate,
        ReviewStatus status,
        ReviewVerdict verdict,
        MeasureChange pain,
        MeasureChange odi,
        AdherenceSnapshot adherence,
        Instant completedAt) {
}
