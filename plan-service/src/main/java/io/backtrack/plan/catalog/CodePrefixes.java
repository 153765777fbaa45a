package io.backtrack.plan.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stores a list of ICD-10-CM code prefixes as one comma-separated column. */
@Converter
public class CodePrefixes implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> prefixes) {
        return prefixes == null ? "" : String.join(",", prefixes);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.stream(column.split(",")).map(String::trim).toList();
    }

    /** The first prefix that one of the codes starts with, if any. */
    public static Optional<String> match(List<String> prefixes, List<String> codes) {
        return codes.stream().filter(code -> prefixes.stream().anyMatch(code::startsWith)).findFirst();
    }
}
