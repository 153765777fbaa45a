package io.backtrack.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * A plan as a clinician prescribes it. The start date may be in the past. {@code intakeId} names the
 * intake (as patient-service returned it) the plan is based on; the plan waits until it is applied.
 */
public record PlanRequest(
        UUID intakeId,
        @NotNull LocalDate startDate,
        @NotNull @Min(1) @Max(14) Integer sessionsPerWeek,
        @Min(1) @Max(52) Integer durationWeeks,
        @NotEmpty @Size(max = 6) List<@Valid @NotNull PlanPhase> phases,
        @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 300) String> painTriggers,
        @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 300) String> activityModifications,
        @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 300) String> goals,
        @Size(max = 10) List<@Valid @NotNull Override> overrides) {

    public static final int DEFAULT_DURATION_WEEKS = 6;

    /** A clinician's decision to accept an overridable rule's violation, with the reason why. */
    public record Override(@NotBlank @Size(max = 100) String ruleId, @NotBlank @Size(max = 2000) String reason) {
    }

    public int durationOrDefault() {
        return durationWeeks == null ? DEFAULT_DURATION_WEEKS : durationWeeks;
    }

    public List<String> painTriggersOrEmpty() {
        return painTriggers == null ? List.of() : painTriggers;
    }

    public List<String> activityModificationsOrEmpty() {
        return activityModifications == null ? List.of() : activityModifications;
    }

    public List<String> goalsOrEmpty() {
        return goals == null ? List.of() : goals;
    }

    public List<Override> overridesOrEmpty() {
        return overrides == null ? List.of() : overrides;
    }
}
