package io.backtrack.plan.catalog;

import io.backtrack.platform.problem.Violation;
import io.backtrack.scoring.LowBackCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/** A new catalog exercise, as an admin adds it. */
public record ExerciseRequest(
        @NotBlank @Pattern(regexp = CODE, message = "must look like SC-01") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ExerciseCategory category,
        @NotBlank @Size(max = 2000) String instructions,
        @Valid @NotNull Dosage defaultDosage,
        @Valid @NotNull Loading loads,
        @NotNull @Size(max = 50) @UniqueElements List<@NotNull @Pattern(regexp = ICD_10_CM, message = "must be an ICD-10-CM prefix") String> contraindicatedFor,
        @NotNull @Size(max = 50) @UniqueElements List<@NotNull @Pattern(regexp = ICD_10_CM, message = "must be an ICD-10-CM prefix") String> cautionedFor) {

    /**
     * What the condition lists break: a prefix under which no code BackTrack knows falls (no intake can
     * record one, so the rule would never fire), or a condition listed as contraindicated and as
     * cautioned at once.
     */
    List<Violation> conditionViolations() {
        List<Violation> violations = new ArrayList<>();
        unknown("contraindicatedFor", contraindicatedFor, violations);
        unknown("cautionedFor", cautionedFor, violations);
        for (int i = 0; i < cautionedFor.size(); i++) {
            if (contraindicatedFor.contains(cautionedFor.get(i))) {
                violations.add(new Violation("cautionedFor[" + i + "]", "not-also-contraindicated",
                        "'" + cautionedFor.get(i) + "' is listed as contraindicated already"));
            }
        }
        return violations;
    }

    private static void unknown(String field, List<String> prefixes, List<Violation> violations) {
        for (int i = 0; i < prefixes.size(); i++) {
            if (!LowBackCodes.anyUnder(prefixes.get(i))) {
                violations.add(new Violation(field + "[" + i + "]", "ICD10CM-KNOWN-CODE",
                        "no ICD-10-CM code BackTrack knows falls under '" + prefixes.get(i) + "'"));
            }
        }
    }

    /** An exercise's code: a category's letters and a number, SC-01. */
    static final String CODE = "[A-Z]{1,4}-[0-9]{2,3}";

    /** An ICD-10-CM code or a prefix of one: a letter, a digit, then up to six digits, letters or dots. */
    static final String ICD_10_CM = "[A-Z][0-9][0-9A-Z.]{0,6}";

    /** What a prescription of the exercise gets unless it says otherwise: sets of repetitions, each held or not. */
    public record Dosage(@NotNull @Min(1) @Max(20) Integer sets, @NotNull @Min(1) @Max(100) Integer reps,
            @Min(0) @Max(3600) Integer holdSeconds) {
    }

    public record Loading(@NotNull Boolean flexion, @NotNull Boolean extension, @NotNull Boolean rotation) {
    }
}
