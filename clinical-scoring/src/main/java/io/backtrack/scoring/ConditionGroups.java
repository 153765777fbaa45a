package io.backtrack.scoring;

import java.util.List;

/**
 * The condition groups the escalation rules name (docs/clinical-rules.md §5, precise readings),
 * listed as the rules list them: a trailing "-" covers every code under it.
 */
public final class ConditionGroups {

    static final List<String> RADICULAR = List.of("M51.1-", "M54.1-", "M54.3-", "M54.4-", "M47.26", "M51.361", "M51.362");
    static final List<String> STENOSIS_CLAUDICATION = List.of("M48.062");
    static final List<String> CHRONIC_PAIN_SYNDROMES = List.of("M79.7", "G90.5-", "G57.7-", "G89.4");

    private ConditionGroups() {
    }

    /** A radicular or stenosis condition: the week-4/week-6 radicular pathway applies. */
    public static boolean radicularOrStenosis(List<String> codes) {
        return radicular(codes) || IcdCodes.anyMatches(STENOSIS_CLAUDICATION, codes);
    }

    /** A radicular condition other than stenosis claudication: interventional pain management may apply. */
    public static boolean radicular(List<String> codes) {
        return IcdCodes.anyMatches(RADICULAR, codes);
    }

    public static boolean chronicPainSyndrome(List<String> codes) {
        return IcdCodes.anyMatches(CHRONIC_PAIN_SYNDROMES, codes);
    }
}
