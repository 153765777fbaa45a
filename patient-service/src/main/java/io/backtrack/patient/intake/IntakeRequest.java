package io.backtrack.patient.intake;

import io.backtrack.patient.screening.RedFlagAnswers;
import io.backtrack.patient.screening.StartBackAnswers;
import io.backtrack.scoring.OdiAnswers;
import io.backtrack.scoring.DistinctPsfsActivities;
import io.backtrack.scoring.PsfsActivity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/** An intake assessment as the clinician records it. {@code intakeDate} defaults to today. */
public record IntakeRequest(
        @PastOrPresent LocalDate intakeDate,
        @NotNull @PastOrPresent LocalDate onsetDate,
        @NotNull Trigger trigger,
        @Valid @NotNull History history,
        @NotNull @Size(max = 20) @UniqueElements List<@NotNull Symptom> symptoms,
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 10) String> conditions,
        @Valid @NotNull RedFlagAnswers redFlagScreen,
        @Valid @NotNull StartBackAnswers startBack,
        @Valid @NotNull OdiAnswers odi,
        @NotNull @Min(0) @Max(10) Integer painNrs,
        @Size(max = 5) @DistinctPsfsActivities List<@Valid @NotNull PsfsActivity> psfs,
        @NotNull Boolean motorDeficit,
        @Size(max = 4000) String psychosocialNotes) {

    public enum Trigger {
        INJURY,
        TRAUMA,
        NONE
    }

    public enum Symptom {
        MUSCLE_ACHE,
        STABBING_OR_SHOOTING_PAIN,
        PAIN_RADIATING_DOWN_LEG,
        NUMBNESS_OR_TINGLING,
        WEAKNESS,
        REDUCED_RANGE_OF_MOTION
    }

    public enum ActivityLevel {
        SEDENTARY,
        LIGHT,
        MODERATE,
        VIGOROUS
    }

    public enum Smoking {
        NEVER,
        FORMER,
        CURRENT
    }

    public record History(
            @Min(0) @Max(100) Integer previousEpisodes,
            @Size(max = 1000) String dailyRoutine,
            ActivityLevel activityLevel,
            @Size(max = 200) String occupation,
            Smoking smoking) {
    }
}
