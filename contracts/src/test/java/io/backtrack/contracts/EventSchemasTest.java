package io.backtrack.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static ObjectNode sample(EventType type) {
        return EventJson.mapper().valueToTree(SampleEvents.of(type));
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleIsValidAgainstItsSchema(EventType type) {
        assertThat(SCHEMAS.violations(type, sample(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void samplesSurviveTheRoundTrip(EventType type) throws IOException {
        Record sample = SampleEvents.of(type);
        String json = EventJson.mapper().writeValueAsString(sample);
        assertThat(EventJson.mapper().readValue(json, type.payloadType())).isEqualTo(sample);
    }

    static Stream<Arguments> requiredFields() throws IOException {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (EventType type : EventType.values()) {
            for (JsonNode field : schema(type).path("required")) {
                cases.add(Arguments.of(type, field.asText()));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void aMissingRequiredFieldFails(EventType type, String field) {
        ObjectNode payload = sample(type);
        payload.remove(field);
        assertThat(SCHEMAS.violations(type, payload)).isNotEmpty();
    }

    @Test
    void aWrongTypeAndAnUnknownEnumValueFail() {
        ObjectNode wrongType = sample(EventType.INTAKE_COMPLETED);
        wrongType.with("baseline").put("painNrs", "seven");
        assertThat(SCHEMAS.violations(EventType.INTAKE_COMPLETED, wrongType)).isNotEmpty();

        ObjectNode unknownEnum = sample(EventType.PLAN_STATUS_CHANGED);
        unknownEnum.put("to", "PAUSED");
        assertThat(SCHEMAS.violations(EventType.PLAN_STATUS_CHANGED, unknownEnum)).isNotEmpty();

        ObjectNode outOfRange = sample(EventType.SESSION_COMPLETED);
        outOfRange.put("painAfter", 11);
        assertThat(SCHEMAS.violations(EventType.SESSION_COMPLETED, outOfRange)).isNotEmpty();
    }

    @Test
    void addedFieldsStayCompatible() {
        ObjectNode newer = sample(EventType.PATIENT_REGISTERED);
        newer.put("someFieldOfALaterMinorVersion", true);
        assertThat(SCHEMAS.violations(EventType.PATIENT_REGISTERED, newer)).isEmpty();
    }

    /** The schema and the record describe the same fields, nested records included. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndRecordDoNotDrift(EventType type) throws IOException {
        JsonNode schema = schema(type);
        assertSameFields(schema, schema, type.payloadType());
    }

    private static void assertSameFields(JsonNode root, JsonNode objectSchema, Class<?> record) {
        assertThat(names(objectSchema.path("properties").fieldNames()))
                .as(record.getSimpleName())
                .isEqualTo(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new)));
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode ref = objectSchema.path("properties").path(component.getName()).findValue("$ref");
                assertThat(ref).as(record.getSimpleName() + "." + component.getName() + " refers to a $def").isNotNull();
                JsonNode definition = root.path("$defs").path(ref.asText().substring("#/$defs/".length()));
                assertSameFields(root, definition, nested);
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return nestedRecord(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
