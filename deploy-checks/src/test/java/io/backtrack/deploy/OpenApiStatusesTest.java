package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's OpenAPI document declares every status its operations answered with in the
 * service's own test suite. The tests record them (test-support's ObservedStatuses, in
 * {@code <service>/target/observed-statuses.txt}); the build writes the document to
 * {@code <service>/target/openapi/openapi.json}. Both exist once the service module has been
 * verified, as the README's test command does before it reaches this module.
 */
class OpenApiStatusesTest {

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void everyStatusAnOperationAnsweredWithInTheTestsIsInItsOpenApiDocument(String service) throws IOException {
        Path observed = ProjectFiles.resolve(service + "/target/observed-statuses.txt");
        Path document = ProjectFiles.openApiDocument(service);
        assertThat(observed).as("run " + service + "'s tests first (./mvnw verify)").isRegularFile();

        Map<String, Set<String>> declared = declaredStatuses(JsonMapper.builder().build().readTree(document.toFile()));
        List<String> lines = Files.readAllLines(observed).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("statuses recorded in " + observed).hasSizeGreaterThan(20);

        List<String> undeclared = new ArrayList<>();
        for (String line : lines) {
            String[] entry = line.split(" ");
            Set<String> statuses = declared.get(entry[0]);
            if (statuses == null) {
                undeclared.add(entry[0] + " is not in the document");
            } else if (!statuses.contains(entry[1])) {
                undeclared.add(entry[0] + " answered " + entry[1] + "; the document declares " + statuses);
            }
        }
        assertThat(undeclared).as(service + ": statuses answered in the tests but not declared").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void everyOperationDeclaresItsSuccessAndItsProblems(String service) throws IOException {
        JsonNode openApi = JsonMapper.builder().build().readTree(ProjectFiles.openApiDocument(service).toFile());
        declaredStatuses(openApi).forEach((operation, statuses) -> {
            assertThat(statuses).as(operation).anyMatch(status -> status.startsWith("2")).contains("503");
        });
        openApi.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").properties()
                .forEach(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        assertThat(response.getValue().path("$ref").asText()).as(operation.path("operationId").asText()
                                + " " + response.getKey() + " is a problem+json response").startsWith("#/components/responses/");
                    }
                })));
    }

    private static Map<String, Set<String>> declaredStatuses(JsonNode document) {
        Map<String, Set<String>> declared = new HashMap<>();
        document.path("paths").forEach(path -> path.properties().forEach(operation -> {
            JsonNode id = operation.getValue().get("operationId");
            if (id != null) {
                Set<String> statuses = new TreeSet<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                declared.put(id.asText(), statuses);
            }
        }));
        return declared;
    }
}
