package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variable a deploy file sets names a configuration key the service reads: a renamed key fails here. */
class EnvironmentNamesTest {

    /** The settings without which a service cannot connect to anything in a real deployment. */
    private static final List<String> CONNECTIONS = List.of("QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");

    @Test
    void composeSetsOnlyKeysTheServicesRead() {
        Map<String, Set<String>> environment =
                DeployEnvironment.ofCompose(YamlFiles.read(ProjectFiles.resolve("docker-compose.yml")));

        assertThat(environment).containsOnlyKeys(ProjectFiles.SERVICES);
        environment.forEach((service, names) -> {
            assertThat(EnvNames.unknown(names, keysOf(service))).as(service).isEmpty();
            assertThat(names).as(service).containsAll(CONNECTIONS);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceOverlays")
    void kubernetesSetsOnlyKeysTheServicesRead(Path overlay) {
        Map<String, Set<String>> environment = DeployEnvironment.ofKubernetes(Kustomizer.build(overlay));

        assertThat(environment).containsOnlyKeys(ProjectFiles.SERVICES);
        environment.forEach((service, names) -> {
            assertThat(EnvNames.unknown(names, keysOf(service))).as(service).isEmpty();
            assertThat(names).as(service).containsAll(CONNECTIONS);
        });
    }

    @Test
    void aMisspelledVariableIsCaught() {
        JsonNode compose = Fixtures.yaml("compose-fixtures/misspelled-env.yml");
        Set<String> names = DeployEnvironment.ofCompose(compose).get("patient-service");

        assertThat(EnvNames.unknown(names, keysOf("patient-service"))).containsExactly("QUARKUS_DATASOURCE_REACTIV_URL");
    }

    @Test
    void aMisspelledConfigMapKeyIsCaught() {
        List<ObjectNode> objects = YamlFiles.objects(Fixtures.path("env-fixtures/misspelled-configmap.yaml"));
        Set<String> names = DeployEnvironment.ofKubernetes(objects).get("plan-service");

        assertThat(EnvNames.unknown(names, keysOf("plan-service"))).containsExactly("KAFKA_BOOTSTRAP_SERVER");
    }

    @Test
    void aKeyOfAnotherServiceIsCaught() {
        List<String> unknown = EnvNames.unknown(List.of("BACKTRACK_PLAN_CLOCKS_INTERVAL"), keysOf("patient-service"));

        assertThat(unknown).containsExactly("BACKTRACK_PLAN_CLOCKS_INTERVAL");
        assertThat(EnvNames.unknown(List.of("BACKTRACK_PLAN_CLOCKS_INTERVAL"), keysOf("plan-service"))).isEmpty();
    }

    @Test
    void namesVariablesByTheMicroProfileRules() {
        assertThat(EnvNames.of("quarkus.datasource.reactive.url")).isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(EnvNames.of("mp.messaging.incoming.patient-events.topic"))
                .isEqualTo("MP_MESSAGING_INCOMING_PATIENT_EVENTS_TOPIC");
    }

    static Stream<Path> serviceOverlays() {
        return KustomizeDirectories.deployable().stream()
                .filter(directory -> KustomizeDirectories.name(directory).startsWith("overlays/"));
    }

    private static Set<String> keysOf(String service) {
        return ConfigKeys.of(ProjectFiles.ROOT, service);
    }
}
