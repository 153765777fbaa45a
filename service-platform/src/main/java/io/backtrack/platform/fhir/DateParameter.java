package io.backtrack.platform.fhir;

import io.backtrack.platform.input.InvalidParameterException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** One {@code date} search value at day precision, with its FHIR prefix: {@code ge2026-01-05}. */
public record DateParameter(String prefix, LocalDate day) {

    private static final String REQUIREMENT = "must be a day (yyyy-MM-dd), optionally prefixed with eq, ne, lt, le, gt or ge";

    public static DateParameter parse(String name, String value) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String day = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
        if (!java.util.Set.of("eq", "ne", "lt", "le", "gt", "ge").contains(prefix)) {
            throw new InvalidParameterException(name, REQUIREMENT);
        }
        try {
            return new DateParameter(prefix, LocalDate.parse(day));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, REQUIREMENT);
        }
    }

    public boolean matches(LocalDate value) {
        int order = value.compareTo(day);
        return switch (prefix) {
            case "ne" -> order != 0;
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            default -> order == 0;
        };
    }
}
