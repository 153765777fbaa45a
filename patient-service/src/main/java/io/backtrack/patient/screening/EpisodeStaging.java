package io.backtrack.patient.screening;

import io.backtrack.contracts.clinical.EpisodeStage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Episode stage from whole calendar days between symptom onset and intake. */
public final class EpisodeStaging {

    private EpisodeStaging() {
    }

    public static EpisodeStage stage(LocalDate onset, LocalDate intakeDate, ScreeningRules rules) {
        long days = ChronoUnit.DAYS.between(onset, intakeDate);
        if (days >= rules.chronicFromDays()) {
            return EpisodeStage.CHRONIC;
        }
        return days >= rules.subacuteFromDays() ? EpisodeStage.SUBACUTE : EpisodeStage.ACUTE;
    }
}
