package io.backtrack.plan.catalog;

import java.time.Instant;
import java.util.List;

/**
 * An exercise of the catalog. {@code contraindicatedFor} and {@code cautionedFor} are what plan validation
 * applies: the catalog's own lists and the contraindication matrix read from the category and the
 * loading (docs/clinical-rules.md §2). Manipulation for a disc disorder, which depends on a patient's
 * recorded deficit, is not listed.
 */
public record ExerciseView(
        String code,
        String name,
        ExerciseCategory category,
        boolean passive,
        String instructions,
        Dosage defaultDosage,
        SpinalLoading loads,
        List<String> contraindicatedFor,
        List<String> cautionedFor,
        Instant retiredAt) {

    public record Dosage(Integer sets, Integer reps, Integer holdSeconds) {
    }

    public record SpinalLoading(boolean flexion, boolean extension, boolean rotation) {
    }

    static ExerciseView of(Exercise e) {
        return new ExerciseView(e.code, e.name, e.category, e.category.isPassive(), e.instructions,
                new Dosage(e.defaultSets, e.defaultReps, e.defaultHoldSeconds),
                new SpinalLoading(e.loadsFlexion, e.loadsExtension, e.loadsRotation),
                ContraindicationMatrix.contraindicatedFor(e, false), ContraindicationMatrix.cautionedFor(e), e.retiredAt);
    }
}
