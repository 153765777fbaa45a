package io.backtrack.patient.screening;

import jakarta.validation.constraints.NotNull;

/** The nine STarT Back answers in Keele/LOINC order; items 1–8 are agree (true) or disagree. */
public record StartBackAnswers(
        @NotNull Boolean legPain,
        @NotNull Boolean shoulderOrNeckPain,
        @NotNull Boolean walkedOnlyShortDistances,
        @NotNull Boolean dressedMoreSlowly,
        @NotNull Boolean activityNotSafe,
        @NotNull Boolean worryingThoughts,
        @NotNull Boolean painTerribleNeverImprove,
        @NotNull Boolean stoppedEnjoyingThings,
        @NotNull Bothersomeness bothersomeness) {
}
