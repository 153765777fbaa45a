package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeFileTest {

    private static final JsonNode COMPOSE = YamlFiles.read(ProjectFiles.resolve("docker-compose.yml"));

    @Test
    void followsTheComposeSpecification() {
        assertThat(ComposeChecks.schemaViolations(COMPOSE)).isEmpty();
    }

    @Test
    void everyContainerHasAHealthCheck() {
        assertThat(COMPOSE.path("services").size()).isEqualTo(6);
        assertThat(ComposeChecks.servicesWithoutHealthcheck(COMPOSE)).isEmpty();
    }

    @Test
    void everyDependencyWaitsForHealth() {
        assertThat(ComposeChecks.dependenciesNotWaitingForHealth(COMPOSE)).isEmpty();
        for (String service : ProjectFiles.SERVICES) {
            assertThat(COMPOSE.at("/services/" + service + "/depends_on").size()).as(service).isEqualTo(3);
        }
    }

    @Test
    void servicesAreBuiltFromTheirDockerfiles() {
        for (String service : ProjectFiles.SERVICES) {
            JsonNode build = COMPOSE.at("/services/" + service + "/build");
            assertThat(build.path("context").asText()).isEqualTo("./" + service);
            assertThat(build.path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(Files.isRegularFile(ProjectFiles.resolve(service + "/src/main/docker/Dockerfile.jvm"))).isTrue();
        }
    }

    @Test
    void keycloakImportsTheRealmFromDeployKeycloak() {
        JsonNode keycloak = COMPOSE.at("/services/keycloak");
        assertThat(keycloak.path("command").toString()).contains("--import-realm");
        assertThat(keycloak.path("volumes").get(0).asText()).startsWith("./deploy/keycloak:/opt/keycloak/data/import");
        assertThat(Files.isDirectory(ProjectFiles.resolve("deploy/keycloak"))).isTrue();
    }

    @Test
    void passwordsAreOnlyOverridableLocalDemoDefaults() {
        for (Iterator<Map.Entry<String, JsonNode>> services = COMPOSE.path("services").fields(); services.hasNext(); ) {
            Map.Entry<String, JsonNode> service = services.next();
            service.getValue().path("environment").fields().forEachRemaining(variable -> {
                if (variable.getKey().contains("PASSWORD")) {
                    assertThat(variable.getValue().asText()).as(service.getKey() + " " + variable.getKey())
                            .matches("\\$\\{[A-Z_]+:-local-demo-only}");
                }
            });
        }
    }

    @Test
    void acceptsTheValidFixture() {
        JsonNode valid = Fixtures.yaml("compose-fixtures/valid.yml");

        assertThat(ComposeChecks.schemaViolations(valid)).isEmpty();
        assertThat(ComposeChecks.servicesWithoutHealthcheck(valid)).isEmpty();
        assertThat(ComposeChecks.dependenciesNotWaitingForHealth(valid)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-key.yml", "wrong-type.yml"})
    void rejectsWhatTheSpecificationDoesNotAllow(String fixture) {
        assertThat(ComposeChecks.schemaViolations(Fixtures.yaml("compose-fixtures/" + fixture))).isNotEmpty();
    }

    @Test
    void rejectsAServiceWithoutHealthCheck() {
        assertThat(ComposeChecks.servicesWithoutHealthcheck(Fixtures.yaml("compose-fixtures/no-healthcheck.yml")))
                .containsExactly("db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"depends-on-started.yml", "depends-on-list.yml"})
    void rejectsADependencyThatDoesNotWaitForHealth(String fixture) {
        assertThat(ComposeChecks.dependenciesNotWaitingForHealth(Fixtures.yaml("compose-fixtures/" + fixture)))
                .containsExactly("app -> db");
    }
}
