package io.backtrack.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan (or a new version of one) became the patient's active plan. */
public record PlanActivated(
        UUID patientId,
        String clinicId,
        UUID planId,
        int version,
        UUID supersedesPlanId,
        LocalDate startDate,
        int sessionsPerWeek,
        int durationWeeks,
        int phaseCount,
        int itemCount,
        List<String> overriddenRules,
        Instant activatedAt) {
}
