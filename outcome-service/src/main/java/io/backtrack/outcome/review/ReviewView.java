package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.outcome.profile.Baseline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A review with its verdict and the numbers behind it; adherence is the snapshot of the review-due
 * event. The course's baseline is there whatever the status, so an awaiting or overdue review shows
 * what its measures will be compared against.
 */
public record ReviewView(UUID id, UUID patientId, String clinicId, UUID planId, int week, LocalDate planStartDate,
        LocalDate dueDate, ReviewStatus status, ReviewVerdict verdict, Baseline baseline, MeasureChange pain,
        MeasureChange odi, UUID painMeasureId, UUID odiMeasureId, AdherenceSnapshot adherence, Instant createdAt,
        Instant completedAt) {

    /** The review with the baseline of its course ({@link io.backtrack.outcome.profile.IntakeBaseline}). */
    public static ReviewView of(Review r, Baseline baseline) {
        return new ReviewView(r.id, r.patientId, r.clinicId, r.planId, r.week, r.planStartDate, r.dueDate, r.status,
                r.verdict, baseline, r.painChange(), r.odiChange(), r.painMeasureId, r.odiMeasureId,
                r.adherence(), r.createdAt, r.completedAt);
    }
}
