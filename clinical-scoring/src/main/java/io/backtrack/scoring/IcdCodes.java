package io.backtrack.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ICD-10-CM codes as the rules compare them: trimmed and upper case, a code listed with a trailing
 * "-" (M51.1-) matching every code under it and any other matching itself only.
 */
public final class IcdCodes {

    private IcdCodes() {
    }

    public static String normal(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether {@code code} falls under {@code prefix}: a prefix of the code, compared normalised. */
    public static boolean under(String code, String prefix) {
        return normal(code).startsWith(normal(prefix));
    }

    /** The first of the codes that falls under one of the prefixes, if any. */
    public static Optional<String> firstUnder(Collection<String> prefixes, List<String> codes) {
        return codes.stream().filter(code -> prefixes.stream().anyMatch(prefix -> under(code, prefix))).findFirst();
    }

    /** Whether one of the codes matches one of the listed codes, each read as in the rules. */
    static boolean anyMatches(List<String> listed, List<String> codes) {
        return codes.stream().map(IcdCodes::normal).anyMatch(code -> listed.stream().anyMatch(entry -> entry.endsWith("-")
                ? code.startsWith(entry.substring(0, entry.length() - 1))
                : code.equals(entry)));
    }
}
