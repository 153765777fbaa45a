package io.backtrack.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A phase of a plan: how many weeks it lasts and what is prescribed in it. */
public record PlanPhase(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(1) @Max(52) Integer weeks,
        @NotEmpty @Size(max = 15) List<@Valid @NotNull Prescription> items) {

    /** One prescribed exercise or modality with its dosage. */
    public record Prescription(
            @NotBlank @Size(max = 20) String exerciseCode,
            @Min(1) @Max(20) Integer sets,
            @Min(1) @Max(100) Integer reps,
            @Min(0) @Max(3600) Integer holdSeconds,
            @Size(max = 500) String notes) {
    }
}
