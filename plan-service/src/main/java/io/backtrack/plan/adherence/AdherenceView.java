package io.backtrack.plan.adherence;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.scoring.WeekAdherence;
import java.util.List;
import java.util.UUID;

/** Adherence per week (weeks that have ended) and overall so far. */
public record AdherenceView(UUID planId, int thresholdPercent, List<WeekAdherence> weeks, AdherenceSnapshot overall) {
}
