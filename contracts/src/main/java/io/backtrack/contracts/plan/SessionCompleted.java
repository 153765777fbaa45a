package io.backtrack.contracts.plan;

import io.backtrack.contracts.clinical.RedFlagCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session was logged. {@code countsForAdherence} is true when at least half the prescribed
 * exercises were done; every session counts for flare detection.
 */
public record SessionCompleted(
        UUID patientId,
        String clinicId,
        UUID planId,
        UUID sessionId,
        Instant performedAt,
        int planWeek,
        int exercisesPrescribed,
        int exercisesDone,
        boolean countsForAdherence,
        int painBefore,
        int painAfter,
        Integer effort,
        List<String> newSymptoms,
        List<RedFlagCode> reportedRedFlags,
        boolean motorDeficitReported,
        Instant loggedAt) {
}
