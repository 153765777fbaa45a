package io.backtrack.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document is valid AsyncAPI 3.0 and describes exactly the contract's topics and events. */
class AsyncApiDocumentTest {

    private static final String CONTRACTS = "/io/backtrack/contracts/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(CONTRACTS + "asyncapi.yaml")) {
            return YAML.readTree(in);
        }
    }

    /** The official AsyncAPI 3.0.0 schema; loading anything else (e.g. from the network) fails. */
    private static JsonSchema asyncApiSchema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return factory.getSchema(in);
        }
    }

    private static Map<String, JsonNode> messagesByCeType() throws IOException {
        Map<String, JsonNode> messages = new TreeMap<>();
        document().path("components").path("messages")
                .forEach(message -> messages.put(message.path("headers").findValue("ce_type").path("const").asText(),
                        message));
        return messages;
    }

    @Test
    void isValidAsyncApi3() throws IOException {
        assertThat(asyncApiSchema().validate(document())).isEmpty();
    }

    @Test
    void theValidatorRejectsBrokenDocuments() throws IOException {
        assertRejected(doc -> doc.put("topics", "backtrack.patient.v1"));
        assertRejected(doc -> doc.remove("info"));
        assertRejected(doc -> doc.withObjectProperty("channels").withObjectProperty("patientEvents").put("address", 42));
        assertRejected(doc -> doc.withObjectProperty("operations").withObjectProperty("publishPlanEvents")
                .put("action", "publish"));
    }

    private static void assertRejected(Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode broken = (ObjectNode) document();
        breakIt.accept(broken);
        assertThat(asyncApiSchema().validate(broken)).isNotEmpty();
    }

    @Test
    void hasExactlyTheThreeTopics() throws IOException {
        List<String> addresses = new ArrayList<>();
        document().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    }

    @Test
    void describesEveryEventTypeWithItsSchemaHeadersAndKey() throws IOException {
        Map<String, JsonNode> messages = messagesByCeType();
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::ceType).toList());

        for (EventType type : EventType.values()) {
            JsonNode message = messages.get(type.ceType());
            assertThat(message.path("contentType").asText()).isEqualTo("application/json");
            assertThat(message.path("headers").path("allOf").path(0).path("$ref").asText())
                    .isEqualTo("#/components/schemas/CloudEventHeaders");
            String ref = message.path("payload").path("schema").path("$ref").asText();
            assertThat(ref).isEqualTo("./schemas/" + type.ceType() + ".schema.json");
            assertThat(AsyncApiDocumentTest.class.getResource(CONTRACTS + ref.substring(2)))
                    .as("schema file of " + type.ceType()).isNotNull();
            assertThat(message.path("traits").findValuesAsText("$ref"))
                    .containsExactly("#/components/messageTraits/cloudEvent");
            assertThat(message.path("deprecated").asBoolean()).as(type.ceType() + " deprecated")
                    .isEqualTo(type.deprecatedFor().isPresent());
        }
        JsonNode components = document().path("components");
        assertThat(components.at("/messageTraits/cloudEvent/bindings/kafka/key/format").asText()).isEqualTo("uuid");
        assertThat(components.at("/schemas/CloudEventHeaders/required")).extracting(JsonNode::asText)
                .containsExactly("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                        "content-type");
    }

    @Test
    void everySchemaFileIsAMessagePayload() throws IOException, URISyntaxException {
        Path schemas = Path.of(AsyncApiDocumentTest.class.getResource(CONTRACTS + "schemas").toURI());
        List<String> payloads = messagesByCeType().values().stream()
                .map(message -> message.path("payload").path("schema").path("$ref").asText())
                .toList();
        try (Stream<Path> files = Files.list(schemas)) {
            assertThat(files.map(file -> "./schemas/" + file.getFileName())).containsExactlyInAnyOrderElementsOf(payloads);
        }
    }

    @Test
    void eachServiceSendsEveryMessageOfItsTopic() throws IOException {
        JsonNode document = document();
        Map<String, String> channelKeyByAddress = new HashMap<>();
        document.path("channels").properties()
                .forEach(channel -> channelKeyByAddress.put(channel.getValue().path("address").asText(), channel.getKey()));
        Map<Topic, List<EventType>> typesByTopic = Arrays.stream(EventType.values())
                .collect(Collectors.groupingBy(EventType::topic));

        for (Topic topic : Topic.values()) {
            String channelKey = channelKeyByAddress.get(topic.topicName());
            JsonNode channel = document.path("channels").path(channelKey);
            assertThat(channel.path("messages").findValuesAsText("$ref")).containsExactlyInAnyOrderElementsOf(
                    typesByTopic.get(topic).stream()
                            .map(type -> "#/components/messages/" + type.messageName())
                            .toList());

            List<JsonNode> sends = new ArrayList<>();
            document.path("operations").forEach(operation -> {
                if (operation.at("/channel/$ref").asText().equals("#/channels/" + channelKey)) {
                    sends.add(operation);
                }
            });
            assertThat(sends).as(topic.topicName()).singleElement()
                    .satisfies(send -> {
                        assertThat(send.path("action").asText()).isEqualTo("send");
                        assertThat(send.path("messages").findValuesAsText("$ref")).containsExactlyInAnyOrderElementsOf(
                                channel.path("messages").properties().stream()
                                        .map(m -> "#/channels/" + channelKey + "/messages/" + m.getKey())
                                        .toList());
                    });
        }
    }
}
