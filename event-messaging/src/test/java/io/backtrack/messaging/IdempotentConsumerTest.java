package io.backtrack.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class IdempotentConsumerTest {

    private static final String TOPIC = Topic.PATIENT.topicName();

    private static Map<String, String> headers(String ceId, UUID patientId) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_source", Topic.PATIENT.ownerSource(),
                "ce_type", EventType.PATIENT_REGISTERED.ceType(),
                "ce_subject", patientId.toString(),
                "ce_time", "2026-11-02T10:15:30Z",
                "content-type", "application/json");
    }

    private static String registered(UUID patientId) {
        return "{\"patientId\":\"" + patientId + "\",\"clinicId\":\"clinic-consumer\",\"loginSubject\":null,"
                + "\"registeredAt\":\"2026-11-02T10:15:30Z\"}";
    }

    private static long timesApplied(UUID patientId) {
        return Database.count("SELECT coalesce(sum(times_applied), 0) FROM projected_registration WHERE patient_id = ?",
                patientId);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID patientId = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        TopicProbe.publish(TOPIC, patientId.toString(), headers(ceId, patientId), registered(patientId));
        TopicProbe.publish(TOPIC, patientId.toString(), headers(ceId, patientId), registered(patientId));
        // another event about the same patient goes to the same partition: it is consumed after both copies
        String marker = UUID.randomUUID().toString();
        TopicProbe.publish(TOPIC, patientId.toString(), headers(marker, patientId), registered(patientId));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", marker) == 1);
        assertThat(timesApplied(patientId)).as("the first copy and the marker").isEqualTo(2);
        assertThat(Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", ceId)).isEqualTo(1);
    }

    @Test
    void unusableRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID malformed = UUID.randomUUID();
        UUID schemaBreaking = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        TopicProbe.publish(TOPIC, malformed.toString(), headers(UUID.randomUUID().toString(), malformed), "{not json");
        TopicProbe.publish(TOPIC, schemaBreaking.toString(), headers(UUID.randomUUID().toString(), schemaBreaking),
                "{\"patientId\":\"" + schemaBreaking + "\",\"registeredAt\":\"2026-11-02T10:15:30Z\"}");
        TopicProbe.publish(TOPIC, good.toString(), headers(UUID.randomUUID().toString(), good), registered(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> timesApplied(good) == 1);
        assertThat(timesApplied(malformed)).isZero();
        assertThat(timesApplied(schemaBreaking)).isZero();

        TopicProbe.readAll(Topic.PATIENT.deadLetterTopicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> malformed.toString().equals(r.key())
                        || schemaBreaking.toString().equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName());
        assertThat(dead).filteredOn(r -> malformed.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("not JSON"));
        assertThat(dead).filteredOn(r -> schemaBreaking.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("clinicId"));
    }

    /**
     * A value the schema allows but the database can never store (an index entry beyond PostgreSQL's
     * limit) would fail every retry and hold up every event behind it: it is dead-lettered instead.
     */
    @Test
    void anEventTheDatabaseCanNeverStoreIsDeadLetteredAndTheNextOneApplied() {
        UUID patientId = UUID.randomUUID();
        String unstorable = new Random(7).ints(20_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String next = UUID.randomUUID().toString();
        TopicProbe.publish(TOPIC, patientId.toString(), headers(UUID.randomUUID().toString(), patientId),
                registered(patientId).replace("\"loginSubject\":null", "\"loginSubject\":\"" + unstorable + "\""));
        TopicProbe.publish(TOPIC, patientId.toString(), headers(next, patientId), registered(patientId));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", next) == 1);
        assertThat(timesApplied(patientId)).as("only the one behind it").isEqualTo(1);
        TopicProbe.readAll(Topic.PATIENT.deadLetterTopicName(), Duration.ofSeconds(30),
                all -> all.stream().anyMatch(r -> patientId.toString().equals(r.key())));
        assertThat(TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName()))
                .filteredOn(r -> patientId.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("cannot store"));
    }

    @Test
    void aRecordOfAnUnknownTypeIsDeadLetteredWithTheConsumerNotDropped() {
        UUID unknown = UUID.randomUUID();
        assertThat(deadLetterReasonWith(unknown, "ce_type", "backtrack.patient.something-new.v1"))
                .contains("unknown event type backtrack.patient.something-new.v1")
                .startsWith(RegistrationProjector.CONSUMER);
    }

    @Test
    void anEventFromASourceThatDoesNotOwnTheTopicIsRefusedAsASecurityEvent() {
        UUID forged = UUID.randomUUID();
        assertThat(deadLetterReasonWith(forged, "ce_source", "/backtrack/someone-else"))
                .contains("provenance", "/backtrack/someone-else");
        assertThat(timesApplied(forged)).isZero();
    }

    /** The envelope the contract asks for (contracts' asyncapi.yaml), beyond the attributes every consumer reads. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ce_specversion, 0.3, ce_specversion must be 1.0", "ce_time, , missing CloudEvents header ce_time",
            "content-type, text/plain, content-type must be application/json",
            "ce_id, 1234, ce_id must be a UUID in lower case",
            "ce_time, 2026-11-02T15:15:30+05:00, ce_time must be an RFC 3339 time in UTC"})
    void anEnvelopeThatBreaksTheContractIsDeadLettered(String header, String value, String reason) {
        UUID patientId = UUID.randomUUID();
        assertThat(deadLetterReasonWith(patientId, header, value)).contains(reason);
        assertThat(timesApplied(patientId)).isZero();
    }

    /** A reader taking the first of two values and one taking the last would see two different events. */
    @Test
    void aRecordNamingItsSourceTwiceOrAMemberTwiceIsDeadLettered() {
        UUID twoSources = UUID.randomUUID();
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("ce_source", "/backtrack/someone-else")));
        headers.addAll(headers(UUID.randomUUID().toString(), twoSources).entrySet());
        TopicProbe.publish(TOPIC, twoSources.toString(), headers, registered(twoSources));
        UUID twoIds = UUID.randomUUID();
        TopicProbe.publish(TOPIC, twoIds.toString(), headers(UUID.randomUUID().toString(), twoIds),
                registered(twoIds).replace("{", "{\"patientId\":\"" + UUID.randomUUID() + "\","));

        TopicProbe.readAll(Topic.PATIENT.deadLetterTopicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> twoSources.toString().equals(r.key())
                        || twoIds.toString().equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName());
        assertThat(dead).filteredOn(r -> twoSources.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason"))
                        .contains("ce_source appears more than once"));
        assertThat(dead).filteredOn(r -> twoIds.toString().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("Duplicate field"));
        assertThat(timesApplied(twoSources)).isZero();
        assertThat(timesApplied(twoIds)).isZero();
    }

    /** The patient is the record key, so that every event about them is on one partition, in order. */
    @Test
    void anEventKeyedByAnythingButItsPatientIsDeadLettered() {
        UUID patientId = UUID.randomUUID();
        String otherKey = UUID.randomUUID().toString();
        assertThat(deadLetterReason(otherKey, headers(UUID.randomUUID().toString(), patientId), patientId))
                .contains("the record key must be ce_subject");
        assertThat(timesApplied(patientId)).isZero();
    }

    /** Another spelling of the patient's id would be another key, so another partition: out of order with theirs. */
    @Test
    void aPatientIdSpelledInUpperCaseIsDeadLettered() {
        UUID patientId = UUID.randomUUID();
        String upperCase = patientId.toString().toUpperCase(Locale.ROOT);
        Map<String, String> headers = new HashMap<>(headers(UUID.randomUUID().toString(), patientId));
        headers.put("ce_subject", upperCase);
        assertThat(deadLetterReason(upperCase, headers, patientId)).contains("ce_subject must be the patient's id");
        assertThat(timesApplied(patientId)).isZero();
    }

    /**
     * Publishes a registration with one header changed (removed when {@code value} is null), then a good
     * one behind it; once the good one is applied (consumption went on), the changed one's single dead
     * letter and its reason.
     */
    private static String deadLetterReasonWith(UUID patientId, String header, String value) {
        Map<String, String> headers = new HashMap<>(headers(UUID.randomUUID().toString(), patientId));
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return deadLetterReason(patientId.toString(), headers, patientId);
    }

    private static String deadLetterReason(String key, Map<String, String> headers, UUID patientId) {
        TopicProbe.publish(TOPIC, key, headers, registered(patientId));
        UUID good = UUID.randomUUID();
        TopicProbe.publish(TOPIC, good.toString(), headers(UUID.randomUUID().toString(), good), registered(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> timesApplied(good) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName()).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        return TopicProbe.header(dead.get(0), "dead-letter-reason");
    }
}
