package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every service authenticates as its own Kafka user, and no user may write what another service owns. */
class KafkaUsersTest {

    private static final Map<String, String> OWN_TOPIC = Map.of(
            "patient-service", "backtrack.patient.v1",
            "plan-service", "backtrack.plan.v1",
            "outcome-service", "backtrack.outcome.v1");
    private static final String ANCHORS = "backtrack.audit-anchors.v1";

    private final List<ObjectNode> users = Kustomizer.build(KustomizeDirectories.K8S.resolve("topics/prod")).stream()
            .filter(o -> o.path("kind").asText().equals("KafkaUser")).toList();

    @Test
    void everyServiceHasItsOwnScramUser() {
        for (String service : OWN_TOPIC.keySet()) {
            JsonNode user = user("backtrack-" + service);
            assertThat(user.at("/spec/authentication/type").asText()).as(service).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).as(service).isEqualTo("simple");
        }
    }

    @Test
    void aServiceWritesOnlyItsOwnTopicTheAnchorsAndTheDeadLettersOfWhatItReads() {
        for (String service : OWN_TOPIC.keySet()) {
            List<String> reads = topics(user("backtrack-" + service), "Read");
            List<String> allowed = new ArrayList<>(List.of(OWN_TOPIC.get(service), ANCHORS));
            reads.stream().filter(t -> !t.equals(ANCHORS)).forEach(t -> allowed.add(t + ".dlq"));
            assertThat(topics(user("backtrack-" + service), "Write")).as(service + " writes")
                    .containsOnlyElementsOf(allowed)
                    .contains(OWN_TOPIC.get(service));
            OWN_TOPIC.forEach((other, topic) -> {
                if (!other.equals(service)) {
                    assertThat(topics(user("backtrack-" + service), "Write")).as(service + " writes " + topic)
                            .doesNotContain(topic);
                }
            });
        }
    }

    @Test
    void aServiceReadsWhatItConsumesWithItsOwnGroup() {
        assertThat(topics(user("backtrack-patient-service"), "Read")).contains("backtrack.plan.v1");
        assertThat(topics(user("backtrack-plan-service"), "Read"))
                .contains("backtrack.patient.v1", "backtrack.outcome.v1");
        assertThat(topics(user("backtrack-outcome-service"), "Read"))
                .contains("backtrack.patient.v1", "backtrack.plan.v1");
        for (String service : OWN_TOPIC.keySet()) {
            assertThat(resources(user("backtrack-" + service), "group", "Read")).containsExactly(service);
        }
    }

    @Test
    void partnersOnlyRead() {
        List<ObjectNode> partners = users.stream()
                .filter(u -> u.at("/metadata/name").asText().startsWith("backtrack-partner-")).toList();
        assertThat(partners).isNotEmpty();
        for (ObjectNode partner : partners) {
            List<String> operations = new ArrayList<>();
            partner.at("/spec/authorization/acls").forEach(acl -> acl.path("operations").forEach(op -> operations.add(op.asText())));
            assertThat(operations).containsOnly("Read", "Describe");
            assertThat(topics(partner, "Read")).containsExactlyInAnyOrderElementsOf(OWN_TOPIC.values());
        }
    }

    private JsonNode user(String name) {
        return users.stream().filter(u -> u.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + name + " in deploy/k8s/topics"));
    }

    private static List<String> topics(JsonNode user, String operation) {
        return resources(user, "topic", operation);
    }

    private static List<String> resources(JsonNode user, String type, String operation) {
        List<String> names = new ArrayList<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            boolean grants = false;
            for (JsonNode op : acl.path("operations")) {
                grants |= op.asText().equals(operation);
            }
            if (grants && acl.at("/resource/type").asText().equals(type)) {
                names.add(acl.at("/resource/name").asText());
            }
        }
        return names;
    }
}
