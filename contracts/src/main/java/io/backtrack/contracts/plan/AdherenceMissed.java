package io.backtrack.contracts.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan week ended with fewer counted sessions than half of those prescribed. {@code percent} is the
 * 1.0 integer (truncated); {@code percentage} (since 1.1) is reported to one decimal.
 */
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
        Instant detectedAt,
        BigDecimal percentage) {
}
