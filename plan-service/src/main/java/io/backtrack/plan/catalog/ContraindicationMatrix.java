package io.backtrack.plan.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The contraindication matrix of docs/clinical-rules.md §2, read from what an exercise is (its category
 * and the spinal loading flags on it), so that an exercise an admin adds is held to it whatever
 * condition lists it was given. The catalog's own lists extend it.
 */
public final class ContraindicationMatrix {

    /** One row: the condition prefixes, and which exercises are contraindicated or need caution with them. */
    private record Row(List<String> conditions, Predicate<Exercise> contraindicated, Predicate<Exercise> cautioned) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(List.of("M48.062"), e -> false,
                    e -> e.category == ExerciseCategory.MCKENZIE_EXTENSION || e.loadsExtension),
            new Row(List.of("M80", "M81"), e -> e.loadsFlexion || e.category == ExerciseCategory.MANIPULATION,
                    e -> e.loadsRotation),
            new Row(List.of("M43.1"), e -> e.category == ExerciseCategory.MANIPULATION, e -> e.loadsExtension),
            new Row(List.of("M51.1", "M51.2"), e -> false,
                    e -> e.loadsFlexion || e.category == ExerciseCategory.TRACTION));

    /** Manipulation is contraindicated for these only when a progressive deficit is recorded. */
    private static final List<String> DISC_DISORDERS = List.of("M51.1", "M51.2");

    private ContraindicationMatrix() {
    }

    /** The condition prefixes the exercise is contraindicated for: the matrix's and the catalog's own. */
    public static List<String> contraindicatedFor(Exercise exercise, boolean progressiveDeficit) {
        List<String> prefixes = prefixes(exercise, Row::contraindicated, exercise.contraindicatedFor);
        if (progressiveDeficit && exercise.category == ExerciseCategory.MANIPULATION) {
            prefixes.addAll(DISC_DISORDERS);
        }
        return prefixes;
    }

    /**
     * The condition prefixes the exercise needs caution with, the matrix's and the catalog's own, but
     * those it is contraindicated for: a violation is not repeated as a warning.
     */
    public static List<String> cautionedFor(Exercise exercise) {
        List<String> contraindicated = contraindicatedFor(exercise, false);
        return prefixes(exercise, Row::cautioned, exercise.cautionedFor).stream()
                .filter(prefix -> !contraindicated.contains(prefix)).toList();
    }

    private static List<String> prefixes(Exercise exercise, Function<Row, Predicate<Exercise>> column,
            List<String> own) {
        Set<String> prefixes = new LinkedHashSet<>(own);
        ROWS.stream().filter(row -> column.apply(row).test(exercise)).forEach(row -> prefixes.addAll(row.conditions()));
        return new ArrayList<>(prefixes);
    }
}
