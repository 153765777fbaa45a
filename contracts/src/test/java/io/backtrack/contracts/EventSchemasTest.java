package io.backtrack.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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

    private static JsonNode schema(EventType type) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Every field of every sample, nested objects included, e.g. {@code /baseline/odiPercent}. */
    static Stream<Arguments> fields() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (EventType type : EventType.values()) {
            JsonNode schema = schema(type);
            addFields(type, schema, schema, sample(type), JsonPointer.empty(), cases);
        }
        return cases.build();
    }

    private static void addFields(EventType type, JsonNode root, JsonNode objectSchema, JsonNode value,
            JsonPointer at, Stream.Builder<Arguments> cases) {
        objectSchema.path("properties").properties().forEach(property -> {
            JsonPointer field = at.appendProperty(property.getKey());
            cases.add(Arguments.of(type, field.toString(), allowsNull(property.getValue()),
                    property.getValue().has("x-since")));
            JsonNode nested = value.path(property.getKey());
            JsonNode ref = property.getValue().findValue("$ref");
            if (nested.isObject() && ref != null) {
                addFields(type, root, root.at(ref.asText().substring(1)), nested, field, cases);
            }
        });
    }

    private static boolean allowsNull(JsonNode property) {
        return Stream.concat(stream(property.path("type")), stream(property.path("oneOf")).map(o -> o.path("type")))
                .anyMatch(type -> type.asText().equals("null"));
    }

    private static Stream<JsonNode> stream(JsonNode node) {
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false) : Stream.of(node);
    }

    /** A field of 1.0 is required; one added later is optional, so that earlier events stay valid. */
    @ParameterizedTest(name = "{0} without {1}, added after 1.0: {3}")
    @MethodSource("fields")
    void aMissingFieldFailsUnlessItWasAddedAfterOnePointZero(EventType type, String field, boolean nullable,
            boolean addedLater) {
        ObjectNode payload = sample(type);
        JsonPointer pointer = JsonPointer.compile(field);
        ((ObjectNode) payload.at(pointer.head())).remove(pointer.last().getMatchingProperty());
        assertThat(SCHEMAS.violations(type, payload).isEmpty()).isEqualTo(addedLater);
    }

    @ParameterizedTest(name = "{0} with {1} null, nullable: {2}")
    @MethodSource("fields")
    void nullIsValidExactlyWhereTheSchemaAllowsIt(EventType type, String field, boolean nullable) {
        ObjectNode payload = sample(type);
        JsonPointer pointer = JsonPointer.compile(field);
        ((ObjectNode) payload.at(pointer.head())).putNull(pointer.last().getMatchingProperty());
        assertThat(SCHEMAS.violations(type, payload).isEmpty()).isEqualTo(nullable);
    }

    @Test
    void anOverdueReviewHasNoVerdictAndNoMeasures() {
        ObjectNode overdue = sample(EventType.REVIEW_COMPLETED);
        overdue.put("status", "OVERDUE").putNull("verdict").putNull("pain").putNull("odi");
        assertThat(SCHEMAS.violations(EventType.REVIEW_COMPLETED, overdue)).isEmpty();
    }

    @Test
    void wrongTypesUnknownEnumValuesAndOutOfRangeValuesFail() {
        assertInvalid(EventType.INTAKE_COMPLETED, p -> p.withObjectProperty("baseline").put("painNrs", "seven"));
        assertInvalid(EventType.PLAN_STATUS_CHANGED, p -> p.put("to", "PAUSED"));
        assertInvalid(EventType.REVIEW_COMPLETED, p -> p.put("verdict", "IMPROVING"));
        assertInvalid(EventType.SESSION_COMPLETED, p -> p.put("painAfter", 11));
        assertInvalid(EventType.INTAKE_COMPLETED, p -> p.withObjectProperty("startBack").put("total", 10));
        assertInvalid(EventType.INTAKE_COMPLETED, p -> p.withArrayProperty("conditions").add("low back pain"));
        assertInvalid(EventType.PATIENT_REGISTERED, p -> p.put("patientId", "patient-17"));
        assertInvalid(EventType.PATIENT_REGISTERED, p -> p.put("registeredAt", "yesterday"));
        assertInvalid(EventType.PLAN_ACTIVATED, p -> p.put("startDate", "05/10/2026"));
    }

    private static void assertInvalid(EventType type, Consumer<ObjectNode> change) {
        ObjectNode payload = sample(type);
        change.accept(payload);
        assertThat(SCHEMAS.violations(type, payload)).as(payload.toString()).isNotEmpty();
    }

    @Test
    void addedFieldsStayCompatible() {
        ObjectNode newer = sample(EventType.PATIENT_REGISTERED);
        newer.put("someFieldOfALaterMinorVersion", true);
        assertThat(SCHEMAS.violations(EventType.PATIENT_REGISTERED, newer)).isEmpty();
    }

    /**
     * The schema and the record describe the same fields, every one of them required except those added
     * by a later minor version (marked {@code x-since}, optional so that earlier events stay valid), with
     * the same enum constants; nested records are the schema's {@code $defs}, and it has no others.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndRecordDoNotDrift(EventType type) {
        JsonNode schema = schema(type);
        Set<String> definitions = new TreeSet<>();
        assertSameFields(schema, schema, type.payloadType(), definitions);
        assertThat(names(schema.path("$defs"))).isEqualTo(definitions);
    }

    private static void assertSameFields(JsonNode root, JsonNode objectSchema, Class<?> record, Set<String> definitions) {
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names(objectSchema.path("properties"))).as(record.getSimpleName()).isEqualTo(components);
        Set<String> addedLater = components.stream()
                .filter(name -> objectSchema.path("properties").path(name).has("x-since"))
                .collect(Collectors.toSet());
        assertThat(stream(objectSchema.path("required")).map(JsonNode::asText).collect(Collectors.toSet()))
                .as(record.getSimpleName() + " requires every field of 1.0")
                .isEqualTo(components.stream().filter(name -> !addedLater.contains(name)).collect(Collectors.toSet()));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = objectSchema.path("properties").path(component.getName());
            String where = record.getSimpleName() + "." + component.getName();
            Class<?> valueType = valueType(component.getGenericType());
            if (valueType.isRecord()) {
                JsonNode ref = property.findValue("$ref");
                assertThat(ref).as(where + " refers to a $def").isNotNull();
                String definition = ref.asText().substring("#/$defs/".length());
                assertThat(definition).as(where).isEqualTo(valueType.getSimpleName());
                definitions.add(definition);
                assertSameFields(root, root.path("$defs").path(definition), valueType, definitions);
            } else if (valueType.isEnum()) {
                assertThat(stream(property.findValue("enum")).filter(v -> !v.isNull()).map(JsonNode::asText))
                        .as(where).containsExactly(Arrays.stream(valueType.getEnumConstants())
                                .map(c -> ((Enum<?>) c).name()).toArray(String[]::new));
            }
        }
    }

    /** The component's class, or its element class for a list. */
    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType generic) {
            return (Class<?>) (generic.getRawType().equals(List.class)
                    ? generic.getActualTypeArguments()[0]
                    : generic.getRawType());
        }
        return (Class<?>) type;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> set = new TreeSet<>();
        object.fieldNames().forEachRemaining(set::add);
        return set;
    }
}
