package io.backtrack.contracts.plan;

import io.backtrack.contracts.clinical.PlanStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A plan moved between statuses; {@code reason} is a code such as RED_FLAG_RAISED or REVISED.
 * {@code ruleIds} (since 1.1) names the plan rules a late fact made the plan break when it was held.
 */
public record PlanStatusChanged(
        UUID patientId,
        String clinicId,
        UUID planId,
        PlanStatus from,
        PlanStatus to,
        String reason,
        Instant changedAt,
        List<String> ruleIds) {
}
