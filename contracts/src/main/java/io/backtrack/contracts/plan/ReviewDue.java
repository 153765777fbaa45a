package io.backtrack.contracts.plan;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A week-4 (or week-6) review fell due; carries the adherence counted so far. */
public record ReviewDue(
        UUID patientId,
        String clinicId,
        UUID planId,
        int week,
        LocalDate planStartDate,
        LocalDate dueDate,
        AdherenceSnapshot adherence,
        Instant emittedAt) {
}
