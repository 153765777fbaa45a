package io.backtrack.patient.redflag;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import java.util.UUID;

public record RedFlagView(
        UUID id,
        UUID intakeId,
        UUID sessionId,
        RedFlagCode flag,
        Urgency urgency,
        SuspectedCondition suspectedCondition,
        boolean open,
        Instant raisedAt,
        Instant clearedAt,
        String clearedBy,
        String clearReason) {

    public static RedFlagView of(RedFlag f) {
        return new RedFlagView(f.id, f.intakeId, f.sessionId, f.flag, f.urgency, f.suspectedCondition, f.isOpen(), f.raisedAt,
                f.clearedAt, f.clearedBy, f.clearReason);
    }
}
