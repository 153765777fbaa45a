package io.backtrack.contracts.plan;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A session performed before a review's due day was logged after the review fell due: the review's
 * adherence, counted again by plan-service with that session. {@code planId} and {@code week} name
 * the review as its review-due event did.
 */
public record ReviewAdherenceUpdated(
        UUID patientId,
        String clinicId,
        UUID planId,
        int week,
        LocalDate planStartDate,
        LocalDate dueDate,
        UUID sessionId,
        AdherenceSnapshot adherence,
        Instant emittedAt) {
}
