package io.backtrack.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan week ended with fewer counted sessions than half of those prescribed. */
public record AdherenceMissed(
        UUID patientId,
        String clinicId,
        UUID planId,
        int week,
        LocalDate weekStart,
        LocalDate weekEnd,
        int expectedSessions,
        int completedSessions,
        int percent,
        int consecutiveMissedWeeks,
        Instant detectedAt) {
}
