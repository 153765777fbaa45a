package io.backtrack.outcome.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.MeasureType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record MeasureView(UUID id, UUID patientId, MeasureType type, LocalDate effectiveDate, BigDecimal value,
        Integer odiRawSum, Integer odiSectionsAnswered, JsonNode psfs, String recordedBy, String recordedRole,
        Instant recordedAt) {

    public static MeasureView of(Measure m) {
        try {
            return new MeasureView(m.id, m.patientId, m.type, m.effectiveDate, m.value, m.odiRawSum, m.odiSections,
                    m.psfsItems == null ? null : EventJson.mapper().readTree(m.psfsItems), m.recordedBy, m.recordedRole,
                    m.recordedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored PSFS items are JSON", e);
        }
    }
}
