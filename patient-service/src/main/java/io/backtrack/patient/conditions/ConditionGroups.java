package io.backtrack.patient.conditions;

import java.util.List;

/** Condition groups the rules name by ICD-10-CM prefix (docs/clinical-rules.md §5, precise readings). */
public final class ConditionGroups {

    static final List<String> CHRONIC_PAIN_SYNDROMES = List.of("M79.7", "G90.5", "G57.7", "G89.4");

    private ConditionGroups() {
    }

    public static boolean hasChronicPainSyndrome(List<String> codes) {
        return codes.stream().anyMatch(code -> CHRONIC_PAIN_SYNDROMES.stream().anyMatch(code::startsWith));
    }
}
