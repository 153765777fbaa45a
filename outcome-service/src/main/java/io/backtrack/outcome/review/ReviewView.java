package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A review with its verdict and the numbers behind it; adherence is the snapshot of the review-due event. */
public record ReviewView(UUID id, UUID patientId, String clinicId, UUID planId, int week, LocalDate planStartDate,
        LocalDate dueDate, ReviewStatus status, ReviewVerdict verdict, MeasureChange pain, MeasureChange odi,
        UUID painMeasureId, UUID odiMeasureId, AdherenceSnapshot adherence, Instant createdAt, Instant completedAt) {

    public static ReviewView of(Review r) {
        return new ReviewView(r.id, r.patientId, r.clinicId, r.planId, r.week, r.planStartDate, r.dueDate, r.status,
                r.verdict, r.painChange(), r.odiChange(), r.painMeasureId, r.odiMeasureId, r.adherence(), r.createdAt,
                r.completedAt);
    }
}
