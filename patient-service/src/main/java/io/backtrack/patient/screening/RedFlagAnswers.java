package io.backtrack.patient.screening;

import jakarta.validation.constraints.NotNull;

/** The red-flag screen: every question must be answered yes or no. */
public record RedFlagAnswers(
        @NotNull Boolean newBladderOrBowelDysfunction,
        @NotNull Boolean saddleNumbness,
        @NotNull Boolean bilateralLegNeurologicalDeficit,
        @NotNull Boolean progressiveMotorWeakness,
        @NotNull Boolean fever,
        @NotNull Boolean recentInfection,
        @NotNull Boolean immunosuppression,
        @NotNull Boolean intravenousDrugUse,
        @NotNull Boolean historyOfCancer,
        @NotNull Boolean unexplainedWeightLoss,
        @NotNull Boolean majorTrauma,
        @NotNull Boolean minorTrauma,
        @NotNull Boolean osteoporosis,
        @NotNull Boolean longTermCorticosteroids,
        @NotNull Boolean constantNightPain) {
}
