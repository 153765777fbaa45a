package io.backtrack.outcome.measure;

import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.scoring.OdiAnswers;
import io.backtrack.scoring.DistinctPsfsActivities;
import io.backtrack.scoring.PsfsActivity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A measure to record: {@code painNrs} for PAIN_NRS, {@code odi} for ODI, {@code psfs} (1–5 activities) for PSFS. */
public record MeasureRequest(
        @NotNull MeasureType type,
        @NotNull LocalDate effectiveDate,
        @Min(0) @Max(10) Integer painNrs,
        @Valid OdiAnswers odi,
        @Size(max = 5) @DistinctPsfsActivities List<@Valid @NotNull PsfsActivity> psfs) {
}
