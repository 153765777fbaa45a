package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KustomizerTest {

    private static final Path OVERLAY = Fixtures.path("kustomize/overlay");

    @Test
    void setsNamespaceLabelsReplicasAndImages() {
        ObjectNode deployment = find(Kustomizer.build(OVERLAY), "Deployment");

        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("demo-ns");
        assertThat(deployment.at("/metadata/labels/team").asText()).isEqualTo("backtrack");
        assertThat(deployment.at("/spec/template/metadata/labels/team").asText()).isEqualTo("backtrack");
        assertThat(deployment.at("/spec/selector/matchLabels").has("team")).isFalse();
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("registry.example.org/demo:1.2");
    }

    @Test
    void mergesStrategicPatchesByMergeKey() {
        JsonNode app = find(Kustomizer.build(OVERLAY), "Deployment").at("/spec/template/spec/containers/0");

        assertThat(app.path("env").findValuesAsText("name")).containsExactly("CHANGE", "ADDED", "KEEP");
        assertThat(app.at("/env/0/value").asText()).isEqualTo("overlay");
        assertThat(app.at("/resources/limits/cpu").asText()).isEqualTo("1");
        assertThat(app.at("/resources/limits/memory").asText()).isEqualTo("768Mi");
    }

    @Test
    void appliesJsonPatchesAndTargetedStrategicPatches() {
        List<ObjectNode> built = Kustomizer.build(OVERLAY);

        JsonNode pod = find(built, "Deployment").at("/spec/template/spec");
        assertThat(pod.at("/containers/1/image").asText()).isEqualTo("backtrack/sidecar:2.1");
        assertThat(pod.path("volumes").findValuesAsText("name")).containsExactly("tmp", "cache");
        JsonNode topic = find(built, "KafkaTopic");
        assertThat(topic.at("/metadata/name").asText()).isEqualTo("demo-topic");
        assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(topic.at("/spec/config/retention.ms").asLong()).isEqualTo(604_800_000L);
    }

    @Test
    void refusesKustomizeFeaturesItDoesNotImplement() {
        assertThatThrownBy(() -> Kustomizer.build(Fixtures.path("kustomize/unsupported")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("configMapGenerator");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void buildsWhatKubectlKustomizeBuilds(Path directory) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed: nothing to compare with");

        assertThat(byId(Kustomizer.build(directory))).isEqualTo(byId(KubectlKustomize.build(directory)));
    }

    static Stream<Path> kustomizations() {
        return Stream.concat(Stream.of(OVERLAY), KustomizeDirectories.deployable().stream());
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        return objects.stream().collect(Collectors.toMap(ResourceId::of, Function.identity()));
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }
}
