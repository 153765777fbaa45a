package io.backtrack.contracts.plan;

import io.backtrack.contracts.clinical.PlanStatus;
import java.time.Instant;
import java.util.UUID;

/** A plan moved between statuses; {@code reason} is a code such as RED_FLAG_RAISED or REVISED. */
public record PlanStatusChanged(
        UUID patientId,
        String clinicId,
        UUID planId,
        PlanStatus from,
        PlanStatus to,
        String reason,
        Instant changedAt) {
}
