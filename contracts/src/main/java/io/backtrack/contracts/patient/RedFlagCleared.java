package io.backtrack.contracts.patient;

import io.backtrack.contracts.clinical.RedFlagCode;
import java.time.Instant;
import java.util.UUID;

/** A clinician cleared a red flag; {@code clearedForTherapy} tells whether any flag is still open. */
public record RedFlagCleared(
        UUID patientId,
        String clinicId,
        UUID flagId,
        RedFlagCode flag,
        boolean clearedForTherapy,
        Instant clearedAt) {
}
