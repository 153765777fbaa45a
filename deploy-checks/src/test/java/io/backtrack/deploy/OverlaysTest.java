package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every deployable kustomization builds, and every object it yields is valid and follows the deploy rules. */
class OverlaysTest {

    private static final List<String> PROBES = List.of(
            "startupProbe:/q/health/started", "livenessProbe:/q/health/live", "readinessProbe:/q/health/ready");

    /**
     * A quarter of it is the heap (the images' JAVA_MAX_MEM_RATIO); the rest holds class metadata, compiled
     * code and the class-data archive, which came to 400-457 MiB of RSS after bench/run (deploy/README.md).
     */
    private static final long SMALLEST_MEMORY_LIMIT_MIB = 512;

    static Stream<Path> kustomizations() {
        return KustomizeDirectories.deployable().stream();
    }

    @Test
    void thereAreDevAndProdOverlaysForServicesAndTopics() {
        assertThat(KustomizeDirectories.deployable().stream().map(KustomizeDirectories::name))
                .containsExactlyInAnyOrder("overlays/dev", "overlays/prod", "topics/dev", "topics/prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyObjectIsValidAgainstTheKubernetesAndStrimziModels(Path directory) {
        List<ObjectNode> objects = Kustomizer.build(directory);

        assertThat(objects).isNotEmpty();
        assertThat(objects.stream().flatMap(object -> StrictModels.problems(object).stream())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void noSecretValuesAreCommitted(Path directory) {
        assertThat(Kustomizer.build(directory)).noneMatch(object -> object.path("kind").asText().equals("Secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceOverlays")
    void eachServiceHasItsFullSetOfObjects(Path directory) {
        List<ObjectNode> objects = Kustomizer.build(directory);

        for (String service : ProjectFiles.SERVICES) {
            Set<String> kinds = objects.stream()
                    .filter(o -> o.at("/metadata/labels/app.kubernetes.io~1name").asText().equals(service))
                    .map(o -> o.path("kind").asText()).collect(Collectors.toSet());
            assertThat(kinds).as(service).containsExactlyInAnyOrder("Deployment", "Service", "ConfigMap",
                    "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        }
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("Ingress")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceOverlays")
    void onlyTheMonitoringNamespaceReachesTheManagementPort(Path directory) {
        for (ObjectNode policy : ofKind(Kustomizer.build(directory), "NetworkPolicy")) {
            String name = policy.at("/metadata/name").asText();
            for (JsonNode rule : policy.at("/spec/ingress")) {
                boolean management = false;
                for (JsonNode port : rule.path("ports")) {
                    management |= port.path("port").asInt() == 9000;
                }
                if (management) {
                    assertThat(rule.path("ports")).as(name + ": the management port alone").hasSize(1);
                    assertThat(rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                            .as(name).isEqualTo("monitoring");
                    assertThat(rule.path("from")).as(name).hasSize(1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceOverlays")
    void deploymentsAreProbedLimitedAndLockedDown(Path directory) {
        for (ObjectNode deployment : ofKind(Kustomizer.build(directory), "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            for (String probe : PROBES) {
                String[] kindAndPath = probe.split(":");
                assertThat(container.at("/" + kindAndPath[0] + "/httpGet/path").asText()).as(name + " " + probe)
                        .isEqualTo(kindAndPath[1]);
                assertThat(container.at("/" + kindAndPath[0] + "/httpGet/port").asText()).as(name + " " + probe)
                        .isEqualTo("management");
            }
            for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory",
                    "/resources/limits/cpu", "/resources/limits/memory")) {
                assertThat(container.at(resource).isMissingNode()).as(name + resource).isFalse();
            }
            assertThat(mebibytes(container.at("/resources/limits/memory").asText())).as(name + " memory limit")
                    .isGreaterThanOrEqualTo(SMALLEST_MEMORY_LIMIT_MIB);
            JsonNode security = container.path("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(security.path("runAsUser").asInt()).as(name).isEqualTo(185);
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
            assertThat(security.at("/capabilities/drop").toString()).as(name).isEqualTo("[\"ALL\"]");
            assertThat(security.at("/seccompProfile/type").asText()).as(name).isEqualTo("RuntimeDefault");
            assertThat(container.path("image").asText()).as(name).matches(".+/" + name + ":[\\w.\\-]+");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceOverlays")
    void theControllableClockIsOffAndCredentialsComeFromSecrets(Path directory) {
        List<ObjectNode> objects = Kustomizer.build(directory);

        for (ObjectNode configMap : ofKind(objects, "ConfigMap")) {
            assertThat(configMap.at("/data/BACKTRACK_CLOCK_CONTROLLABLE").asText("false")).isEqualTo("false");
            assertThat(configMap.path("data").toString()).doesNotContainIgnoringCase("password");
        }
        for (ObjectNode deployment : ofKind(objects, "Deployment")) {
            JsonNode env = deployment.at("/spec/template/spec/containers/0/env");
            for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode variable = findByName(env, secret);
                assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as(secret).isNotEmpty();
                assertThat(variable.has("value")).as(secret).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicOverlays")
    void everyTopicAndItsDeadLetterTopicIsDeclared(Path directory) {
        List<ObjectNode> topics = ofKind(Kustomizer.build(directory), "KafkaTopic");

        assertThat(topics.stream().map(t -> t.at("/spec/topicName").asText())).containsExactlyInAnyOrder(
                "backtrack.patient.v1", "backtrack.patient.v1.dlq", "backtrack.plan.v1", "backtrack.plan.v1.dlq",
                "backtrack.outcome.v1", "backtrack.outcome.v1.dlq", "backtrack.audit-anchors.v1");
        for (ObjectNode topic : topics) {
            JsonNode spec = topic.path("spec");
            assertThat(spec.path("partitions").asInt()).isPositive();
            assertThat(spec.path("replicas").asInt()).isPositive();
            if (!spec.at("/config/cleanup.policy").asText().equals("compact")) {
                assertThat(spec.at("/config/retention.ms").asLong()).isPositive();
            }
            assertThat(spec.at("/config/min.insync.replicas").asInt())
                    .isPositive().isLessThanOrEqualTo(spec.path("replicas").asInt());
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isNotEmpty();
        }
    }

    static Stream<Path> serviceOverlays() {
        return kustomizations().filter(d -> KustomizeDirectories.name(d).startsWith("overlays/"));
    }

    static Stream<Path> topicOverlays() {
        return kustomizations().filter(d -> KustomizeDirectories.name(d).startsWith("topics/"));
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode findByName(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("No " + name + " in " + list);
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertThat(quantity).as("a memory quantity in Mi or Gi").endsWith("Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }
}
