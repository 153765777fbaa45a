package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** What a compose file must satisfy: the Compose Specification schema, health checks, health-gated start order. */
final class ComposeChecks {

    private static final JsonSchema SCHEMA = loadSchema();

    private ComposeChecks() {
    }

    static List<String> schemaViolations(JsonNode compose) {
        return SCHEMA.validate(compose).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static List<String> servicesWithoutHealthcheck(JsonNode compose) {
        List<String> missing = new ArrayList<>();
        forEachService(compose, (name, service) -> {
            JsonNode healthcheck = service.path("healthcheck");
            if (!healthcheck.has("test") || healthcheck.path("disable").asBoolean(false)) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** Dependencies that do not wait for health, as "service -> dependency". */
    static List<String> dependenciesNotWaitingForHealth(JsonNode compose) {
        List<String> offending = new ArrayList<>();
        forEachService(compose, (name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                dependsOn.forEach(dependency -> offending.add(name + " -> " + dependency.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = dependsOn.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = it.next();
                if (!dependency.getValue().path("condition").asText().equals("service_healthy")) {
                    offending.add(name + " -> " + dependency.getKey());
                }
            }
        });
        return offending;
    }

    private static void forEachService(JsonNode compose, BiConsumer<String, JsonNode> action) {
        compose.path("services").fields().forEachRemaining(service -> action.accept(service.getKey(), service.getValue()));
    }

    private static JsonSchema loadSchema() {
        try (InputStream schema = ComposeChecks.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            // This schema revision carries draft-04 "id" annotations, which draft 2019-09 does not
            // define, and an unused "constraints" definition keyed "service".
            JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                    .keyword(new NonValidationKeyword("id"))
                    .keyword(new NonValidationKeyword("service"))
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, factory -> factory.metaSchema(dialect))
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
