package io.backtrack.plan.sessions;

import io.backtrack.contracts.clinical.RedFlagCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SessionView(
        UUID id,
        UUID planId,
        Instant performedAt,
        Instant loggedAt,
        int planWeek,
        List<String> exercisesDone,
        int exercisesPrescribed,
        int exercisesCounted,
        boolean countsForAdherence,
        int painBefore,
        int painAfter,
        Integer effort,
        List<String> newSymptoms,
        List<RedFlagCode> reportedRedFlags,
        boolean motorDeficit) {
}
