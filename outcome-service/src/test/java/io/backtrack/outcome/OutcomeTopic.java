package io.backtrack.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a partner reads on backtrack.outcome.v1 about one patient, checked against the contract. */
public final class OutcomeTopic {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    private OutcomeTopic() {
    }

    /** Waits for an event of the type about the patient that matches, and checks headers, key and schema. */
    public static JsonNode await(UUID patientId, EventType type, Predicate<JsonNode> matching) {
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topic.OUTCOME.topicName(),
                Duration.ofSeconds(30), all -> all.stream().anyMatch(r -> is(r, patientId, type, matching)));
        ConsumerRecord<String, String> record = records.stream().filter(r -> is(r, patientId, type, matching))
                .findFirst().orElseThrow();
        JsonNode payload = parse(record.value());
        assertThat(record.key()).isEqualTo(patientId.toString());
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(patientId.toString());
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/backtrack/outcome-service");
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(SCHEMAS.violations(type, payload)).isEmpty();
        return payload;
    }

    /** Every event of the type about the patient published so far (read until {@code expected} are there). */
    public static List<JsonNode> all(UUID patientId, EventType type, int expected) {
        return TopicProbe.readAll(Topic.OUTCOME.topicName(), Duration.ofSeconds(30),
                        all -> all.stream().filter(r -> is(r, patientId, type, p -> true)).count() >= expected)
                .stream().filter(r -> is(r, patientId, type, p -> true)).map(r -> parse(r.value())).toList();
    }

    /** Every event of the type about the patient, read up to the topic's end offsets taken now. */
    public static List<JsonNode> toEnd(UUID patientId, EventType type) {
        return TopicProbe.readToEnd(Topic.OUTCOME.topicName()).stream().filter(r -> is(r, patientId, type, p -> true))
                .map(r -> parse(r.value())).toList();
    }

    private static boolean is(ConsumerRecord<String, String> record, UUID patientId, EventType type,
            Predicate<JsonNode> matching) {
        return patientId.toString().equals(record.key()) && type.ceType().equals(TopicProbe.header(record, "ce_type"))
                && matching.test(parse(record.value()));
    }

    private static JsonNode parse(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
