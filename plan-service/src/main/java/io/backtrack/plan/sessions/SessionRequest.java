package io.backtrack.plan.sessions;

import io.backtrack.contracts.clinical.RedFlagCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/** A session as the patient (or clinician) logs it; it may be backdated, never in the future. */
public record SessionRequest(
        @NotNull Instant performedAt,
        @NotNull @Size(max = 30) @UniqueElements List<@NotBlank @Size(max = 20) String> exercisesDone,
        @NotNull @Min(0) @Max(10) Integer painBefore,
        @NotNull @Min(0) @Max(10) Integer painAfter,
        @Min(0) @Max(10) Integer effort,
        @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 300) String> newSymptoms,
        @Size(max = 10) @UniqueElements List<@NotNull RedFlagCode> reportedRedFlags,
        Boolean motorDeficit) {

    List<String> newSymptomsOrEmpty() {
        return newSymptoms == null ? List.of() : newSymptoms;
    }

    List<RedFlagCode> reportedRedFlagsOrEmpty() {
        return reportedRedFlags == null ? List.of() : reportedRedFlags;
    }
}
