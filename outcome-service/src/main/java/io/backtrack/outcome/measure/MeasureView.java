package io.backtrack.outcome.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.scoring.PsfsActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record MeasureView(UUID id, UUID patientId, MeasureType type, LocalDate effectiveDate, BigDecimal value,
        Integer odiRawSum, Integer odiSectionsAnswered, List<PsfsActivity> psfs, String recordedBy, String recordedRole,
        Instant recordedAt) {

    private static final TypeReference<List<PsfsActivity>> PSFS = new TypeReference<>() {
    };

    public static MeasureView of(Measure m) {
        try {
            return new MeasureView(m.id, m.patientId, m.type, m.effectiveDate, m.value, m.odiRawSum, m.odiSections,
                    m.psfsItems == null ? null : EventJson.mapper().readValue(m.psfsItems, PSFS), m.recordedBy,
                    m.recordedRole, m.recordedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored PSFS items are JSON", e);
        }
    }
}
