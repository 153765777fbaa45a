package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict validation rejects each kind of defect, shown on fixtures that each break one thing. */
class StrictModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"valid-deployment.yaml", "valid-kafka-topic.yaml"})
    void acceptsValidObjects(String fixture) {
        assertThat(StrictModels.problems(Fixtures.yaml("broken-k8s/" + fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown-field-replicaz.yaml        | unknown field(s) [replicaz]",
            "unknown-nested-field.yaml          | unknown field(s) [runAsNonRut]",
            "wrong-type-container-port.yaml     | spec.template.spec.containers[0].ports[0].containerPort: Cannot coerce String",
            "missing-image.yaml                 | missing required spec.template.spec.containers[].image",
            "missing-selector.yaml              | missing required spec.selector",
            "unknown-api-version.yaml           | no model for extensions/v1beta1/Deployment",
            "kafka-topic-unknown-field.yaml     | unknown field(s) [partitionz]",
            "kafka-topic-wrong-type.yaml        | spec.partitions: Cannot coerce String",
            "configmap-unquoted-boolean.yaml    | data.BACKTRACK_CLOCK_CONTROLLABLE: Cannot coerce Boolean"})
    void rejectsBrokenObjects(String fixture, String expectedProblem) {
        List<String> problems = StrictModels.problems(Fixtures.yaml("broken-k8s/" + fixture));

        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains(expectedProblem));
    }

    @Test
    void namesWhereAnUnknownFieldIs() {
        assertThat(StrictModels.problems(Fixtures.yaml("broken-k8s/unknown-nested-field.yaml")))
                .containsExactly("apps/v1/Deployment.spec.template.spec.containers[0].securityContext:"
                        + " unknown field(s) [runAsNonRut]");
    }
}
