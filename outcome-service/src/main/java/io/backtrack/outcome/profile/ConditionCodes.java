package io.backtrack.outcome.profile;

import java.util.List;
import java.util.Locale;

/**
 * The condition groups of docs/clinical-rules.md §5 (precise readings). A code listed with a trailing
 * "-" in the rules matches by prefix; the others match exactly.
 */
public final class ConditionCodes {

    static final List<String> RADICULAR_PREFIXES = List.of("M51.1", "M54.1", "M54.3", "M54.4");
    static final List<String> RADICULAR_EXACT = List.of("M47.26", "M51.361", "M51.362");
    static final String STENOSIS_CLAUDICATION = "M48.062";
    static final List<String> CHRONIC_PAIN_PREFIXES = List.of("G90.5", "G57.7");
    static final List<String> CHRONIC_PAIN_EXACT = List.of("M79.7", "G89.4");

    private ConditionCodes() {
    }

    /** A radicular or stenosis condition: the week-4/week-6 radicular pathway applies. */
    public static boolean radicularOrStenosis(List<String> codes) {
        return radicular(codes) || codes.stream().map(ConditionCodes::normal).anyMatch(STENOSIS_CLAUDICATION::equals);
    }

    /** A radicular condition other than stenosis claudication: interventional pain management may apply. */
    public static boolean radicular(List<String> codes) {
        return codes.stream().map(ConditionCodes::normal).anyMatch(code -> RADICULAR_EXACT.contains(code)
                || RADICULAR_PREFIXES.stream().anyMatch(code::startsWith));
    }

    public static boolean chronicPainSyndrome(List<String> codes) {
        return codes.stream().map(ConditionCodes::normal).anyMatch(code -> CHRONIC_PAIN_EXACT.contains(code)
                || CHRONIC_PAIN_PREFIXES.stream().anyMatch(code::startsWith));
    }

    private static String normal(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
