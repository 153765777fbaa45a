package io.backtrack.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.backtrack.contracts.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The one stored form of a list of ICD-10-CM codes (or code prefixes) in every service: a JSON array. */
@Converter
public class IcdCodesColumn implements AttributeConverter<List<String>, String> {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<String> codes) {
        try {
            return EventJson.mapper().writeValueAsString(codes == null ? List.of() : codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : List.copyOf(EventJson.mapper().readValue(column, CODES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored code list is a JSON array of strings", e);
        }
    }
}
