package io.backtrack.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document is valid AsyncAPI 3.0 and describes exactly the contract's topics and events. */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/io/backtrack/contracts/asyncapi.yaml")) {
            return YAML.readTree(in);
        }
    }

    private static JsonSchema asyncApiSchema() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void isValidAsyncApi3() throws IOException {
        assertThat(asyncApiSchema().validate(document())).isEmpty();
    }

    @Test
    void theValidatorRejectsABrokenDocument() throws IOException {
        ObjectNode broken = (ObjectNode) document();
        broken.with("channels").with("patientEvents").put("address", 42);
        broken.put("servers", "not a map of servers");
        assertThat(asyncApiSchema().validate(broken)).isNotEmpty();
    }

    @Test
    void hasTheThreeTopics() throws IOException {
        List<String> addresses = new ArrayList<>();
        document().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(
                Topic.PATIENT.topicName(), Topic.PLAN.topicName(), Topic.OUTCOME.topicName());
    }

    @Test
    void describesEveryEventTypeWithItsSchemaHeadersAndKey() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        Map<String, JsonNode> byCeType = new java.util.HashMap<>();
        messages.forEach(message -> byCeType.put(message.path("name").asText(), message));
        assertThat(byCeType.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toSet()));

        for (EventType type : EventType.values()) {
            JsonNode message = byCeType.get(type.ceType());
            String ref = message.path("payload").path("schema").path("$ref").asText();
            assertThat(ref).isEqualTo("./schemas/" + type.ceType() + ".schema.json");
            assertThat(AsyncApiDocumentTest.class.getResource("/io/backtrack/contracts/" + ref.substring(2)))
                    .as("schema file of " + type.ceType()).isNotNull();
            assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
                    .isEqualTo(type.ceType());
            assertThat(message.path("headers").path("required").toString()).contains("ce_id", "ce_subject", "ce_time");
        }
        assertThat(document().path("components").path("messageTraits").path("cloudEvent")
                .path("bindings").path("kafka").path("key").path("format").asText()).isEqualTo("uuid");
    }

    @Test
    void everyMessageIsOnTheChannelOfItsTopic() throws IOException {
        JsonNode channels = document().path("channels");
        for (EventType type : EventType.values()) {
            JsonNode channel = null;
            for (JsonNode candidate : channels) {
                if (candidate.path("address").asText().equals(type.topic().topicName())) {
                    channel = candidate;
                }
            }
            assertThat(channel).isNotNull();
            assertThat(channel.path("messages").toString())
                    .contains("#/components/messages/" + type.payloadType().getSimpleName());
        }
    }
}
