package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a front-end team generating a client from a service's OpenAPI document relies on, beyond its
 * statuses (OpenApiStatusesTest): the roles of each operation, defaults of the parameter's own type,
 * data members described as data, and every member a problem can carry.
 */
class OpenApiContractTest {

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void everyOperationStatesItsRoles(String service) throws IOException {
        List<String> without = new ArrayList<>();
        operations(document(service)).forEach(operation -> {
            if (!operation.path("x-roles").isArray()) {
                without.add(operation.path("operationId").asText());
            }
        });
        assertThat(without).as(service + ": operations without x-roles").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void aParametersDefaultIsOfItsOwnType(String service) throws IOException {
        List<String> mistyped = new ArrayList<>();
        operations(document(service)).forEach(operation -> operation.path("parameters").forEach(parameter -> {
            JsonNode schema = parameter.path("schema");
            JsonNode value = schema.get("default");
            String type = schema.path("type").asText();
            if (value != null && (type.equals("integer") && !value.isIntegralNumber()
                    || type.equals("number") && !value.isNumber() || type.equals("boolean") && !value.isBoolean())) {
                mistyped.add(operation.path("operationId").asText() + " " + parameter.path("name").asText());
            }
        }));
        assertThat(mistyped).as(service + ": defaults of another type than their parameter").isEmpty();
    }

    /** Jackson's JsonNode described as a bean lists its getters (isArray, nodeType...), not the data. */
    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void noSchemaDescribesAJsonLibrarysObject(String service) throws IOException {
        JsonNode schemas = document(service).path("components").path("schemas");
        List<String> named = new ArrayList<>();
        schemas.properties().forEach(schema -> {
            if (schema.getValue().path("properties").has("nodeType")) {
                named.add(schema.getKey());
            }
        });
        assertThat(named).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void aProblemDeclaresEveryMemberTheServicesSend(String service) throws IOException {
        JsonNode problem = document(service).path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("violations") && problem.has("findings") && problem.has("currentStatus")).isTrue();
    }

    private static JsonNode document(String service) throws IOException {
        return JsonMapper.builder().build().readTree(ProjectFiles.openApiDocument(service).toFile());
    }

    private static List<JsonNode> operations(JsonNode document) {
        List<JsonNode> operations = new ArrayList<>();
        document.path("paths").forEach(path -> path.properties().forEach(entry -> {
            if (entry.getValue().has("responses")) {
                operations.add(entry.getValue());
            }
        }));
        return operations;
    }
}
