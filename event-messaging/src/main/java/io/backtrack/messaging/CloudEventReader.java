package io.backtrack.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads a Kafka record in CloudEvents binary mode and checks it against the contract: its envelope,
 * its provenance (the topic it belongs on and the source that owns that topic) and, for the types the
 * consumer acts on, its schema.
 */
@ApplicationScoped
class CloudEventReader {

    /** The CloudEvents attributes of the binary mode, each of which a record carries once. */
    private static final List<String> ATTRIBUTES = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
            CloudEventHeaders.CONTENT_TYPE);

    private final EventSchemas schemas;

    CloudEventReader(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /** The record as a delivery: its payload read and checked only when it is of one of {@code types}. */
    Delivery read(Message<String> message, Set<EventType> types) {
        Optional<IncomingKafkaRecordMetadata> record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        Optional<Headers> headers = record.map(IncomingKafkaRecordMetadata::getHeaders);
        if (headers.isEmpty()) {
            return new Delivery.Rejected("not a Kafka record");
        }
        String repeated = repeatedHeader(headers.get());
        if (repeated != null) {
            return new Delivery.Rejected("header " + repeated + " appears more than once");
        }
        String ceId = header(headers.get(), CloudEventHeaders.ID);
        String ceType = header(headers.get(), CloudEventHeaders.TYPE);
        String subject = header(headers.get(), CloudEventHeaders.SUBJECT);
        if (ceId == null || ceType == null || subject == null) {
            return new Delivery.Rejected("missing CloudEvents header ce_id, ce_type or ce_subject");
        }
        Optional<EventType> type = EventType.ofCeType(ceType);
        if (type.isEmpty()) {
            return new Delivery.Unknown(ceType);
        }
        Topic topic = type.get().topic();
        String source = header(headers.get(), CloudEventHeaders.SOURCE);
        if (!topic.topicName().equals(record.get().getTopic())) {
            return new Delivery.Refused(ceType + " belongs on " + topic.topicName() + ", not on " + record.get().getTopic());
        }
        if (!topic.ownerSource().equals(source)) {
            return new Delivery.Refused("ce_source " + source + " does not own " + topic.topicName() + " (only "
                    + topic.ownerSource() + " publishes there)");
        }
        String envelope = envelopeProblem(headers.get(), ceId, subject, record.get().getKey());
        if (envelope != null) {
            return new Delivery.Rejected(envelope);
        }
        UUID patientId = UUID.fromString(subject);
        if (!types.contains(type.get())) {
            return new Delivery.Ignored(type.get());
        }
        JsonNode payload;
        try {
            payload = message.getPayload() == null ? null : EventJson.mapper().readTree(message.getPayload());
        } catch (JsonProcessingException e) {
            return new Delivery.Rejected("value is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            return new Delivery.Rejected("value is not a JSON object");
        }
        List<String> violations = schemas.violations(type.get(), payload);
        if (!violations.isEmpty()) {
            return new Delivery.Rejected("breaks schema of " + ceType + ": " + String.join("; ", violations));
        }
        if (!subject.equals(payload.path("patientId").asText())) {
            return new Delivery.Rejected("ce_subject does not match the payload's patientId");
        }
        return new Delivery.Accepted(new ReceivedEvent(ceId, type.get(), source, patientId, payload));
    }

    /**
     * What the contract's envelope asks beyond the attributes read above (contracts' asyncapi.yaml), or
     * null: CloudEvents 1.0, UUIDs as the producers write them, a time in UTC, a JSON value, and the
     * patient as the record key, which keeps every event about one patient on one partition and so in
     * order.
     */
    private static String envelopeProblem(Headers headers, String ceId, String subject, Object key) {
        if (!"1.0".equals(header(headers, CloudEventHeaders.SPEC_VERSION))) {
            return "ce_specversion must be 1.0";
        }
        if (!isCanonicalUuid(ceId)) {
            return "ce_id must be a UUID in lower case";
        }
        if (!isCanonicalUuid(subject)) {
            return "ce_subject must be the patient's id, a UUID in lower case";
        }
        String time = header(headers, CloudEventHeaders.TIME);
        if (time == null) {
            return "missing CloudEvents header ce_time";
        }
        if (!isUtcInstant(time)) {
            return "ce_time must be an RFC 3339 time in UTC (ending in Z)";
        }
        if (!CloudEventHeaders.JSON.equals(header(headers, CloudEventHeaders.CONTENT_TYPE))) {
            return "content-type must be " + CloudEventHeaders.JSON;
        }
        if (!subject.equals(key)) {
            return "the record key must be ce_subject, the patient";
        }
        return null;
    }

    /**
     * The one spelling of a UUID the producers write: another spelling of the same patient (upper case)
     * would be another record key, so another partition, and its events out of order with theirs.
     */
    private static boolean isCanonicalUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isUtcInstant(String value) {
        try {
            Instant.parse(value);
            return value.endsWith("Z");
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A CloudEvents attribute sent twice, or null: a reader taking the first and one taking the last
     * would see two different events.
     */
    private static String repeatedHeader(Headers headers) {
        for (String name : ATTRIBUTES) {
            int sent = 0;
            for (Header ignored : headers.headers(name)) {
                if (++sent > 1) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
