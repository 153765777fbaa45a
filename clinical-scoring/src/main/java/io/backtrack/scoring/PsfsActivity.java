package io.backtrack.scoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A Patient-Specific Functional Scale activity, rated 0 (unable) to 10 (as before the problem). */
public record PsfsActivity(@NotBlank @Size(max = 200) String activity, @NotNull @Min(0) @Max(10) Integer score) {
}
