package io.backtrack.contracts.patient;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import java.time.Instant;
import java.util.UUID;

/**
 * An EMERGENCY or URGENT red flag is open: therapy is blocked until a clinician clears it. {@code sessionId}
 * (since 1.5) names the session that reported it: the session that opened the flag, or one whose report
 * of a kind already open was folded into that flag, published again with it.
 */
public record RedFlagRaised(
        UUID patientId,
        String clinicId,
        UUID flagId,
        UUID intakeId,
        RedFlagCode flag,
        Urgency urgency,
        SuspectedCondition suspectedCondition,
        Instant raisedAt,
        UUID sessionId) {
}
