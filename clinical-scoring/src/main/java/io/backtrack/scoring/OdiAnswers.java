package io.backtrack.scoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The ten Oswestry Disability Index sections, each 0 (least) to 5 (most disability), null when skipped. */
public record OdiAnswers(
        @Min(0) @Max(5) Integer painIntensity,
        @Min(0) @Max(5) Integer personalCare,
        @Min(0) @Max(5) Integer lifting,
        @Min(0) @Max(5) Integer walking,
        @Min(0) @Max(5) Integer sitting,
        @Min(0) @Max(5) Integer standing,
        @Min(0) @Max(5) Integer sleeping,
        @Min(0) @Max(5) Integer sexLife,
        @Min(0) @Max(5) Integer socialLife,
        @Min(0) @Max(5) Integer travelling) {

    public List<Integer> answered() {
        return Arrays.asList(painIntensity, personalCare, lifting, walking, sitting, standing, sleeping, sexLife,
                socialLife, travelling).stream().filter(Objects::nonNull).toList();
    }
}
