package io.backtrack.deploy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Environment variable names against configuration keys, by the MicroProfile Config mapping rules. */
final class EnvNames {

    private EnvNames() {
    }

    /** The variable that sets a key: every character other than a letter or digit becomes '_', upper-cased. */
    static String of(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The variables that set none of the keys, sorted. */
    static List<String> unknown(Collection<String> variables, Set<String> keys) {
        Set<String> known = keys.stream().map(EnvNames::of).collect(Collectors.toSet());
        return variables.stream().filter(variable -> !known.contains(variable)).sorted().toList();
    }
}
