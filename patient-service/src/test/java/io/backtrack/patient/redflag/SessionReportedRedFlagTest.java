package io.backtrack.patient.redflag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.patient.Fixtures;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Clinical rules §7: a red flag reported in a session opens a red flag on the patient, as an intake answer does. */
@QuarkusTest
class SessionReportedRedFlagTest {

    private static final String CLINIC = "clinic-session-flags";

    private final Pool pool;
    private final MeterRegistry registry;

    SessionReportedRedFlagTest(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    @Test
    void aRedFlagReportedInASessionOpensARedFlagOnThePatient() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        UUID session = UUID.randomUUID();
        String eventId = publish(patient, CLINIC, session, List.of(RedFlagCode.SADDLE_NUMBNESS));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient)
                .body("size()", equalTo(1))
                .body("[0].flag", equalTo("SADDLE_NUMBNESS"))
                .body("[0].urgency", equalTo("EMERGENCY"))
                .body("[0].sessionId", equalTo(session.toString()))
                .body("[0].open", equalTo(true)));
        List<ConsumerRecord<String, String>> raised = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                all -> all.stream().anyMatch(r -> isRaised(r, patient)));
        assertThat(raised.stream().filter(r -> isRaised(r, patient)).findFirst().orElseThrow().value())
                .contains("\"intakeId\":null").contains("SADDLE_NUMBNESS").contains("\"sessionId\":\"" + session + "\"");

        // the same event again, then a later session reporting the same flag and a new one: in the
        // patient's partition, in order, so once the new flag is open both earlier events were applied
        republish(eventId, patient, CLINIC, session, List.of(RedFlagCode.SADDLE_NUMBNESS));
        UUID later = UUID.randomUUID();
        publish(patient, CLINIC, later, List.of(RedFlagCode.SADDLE_NUMBNESS, RedFlagCode.FRACTURE_RISK));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient).body("size()", equalTo(2)));
        flags(patient).body("findAll { it.flag == 'SADDLE_NUMBNESS' }.size()", equalTo(1));

        // the later report of the open kind is folded into that flag, published again with the later session
        String saddle = flags(patient).extract().path("find { it.flag == 'SADDLE_NUMBNESS' }.id");
        String namingLater = "\"sessionId\":\"" + later + "\"";
        List<ConsumerRecord<String, String>> afterLater = TopicProbe.readAll(Topic.PATIENT.topicName(),
                Duration.ofSeconds(30), all -> all.stream().filter(r -> isRaised(r, patient))
                        .filter(r -> r.value().contains(namingLater)).count() == 2);
        assertThat(afterLater.stream().filter(r -> isRaised(r, patient)).map(ConsumerRecord::value)
                .filter(value -> value.contains(namingLater) && value.contains("SADDLE_NUMBNESS")))
                .singleElement().satisfies(value -> assertThat(value).contains("\"flagId\":\"" + saddle + "\""));
    }

    @Test
    void theReportedFlagKeepsThePatientFromTherapyUntilAClinicianClearsIt() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String intake = given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(Fixtures.intake().toString()).post("/api/v1/patients/" + patient + "/intakes")
                .then().statusCode(201).body("clearedForTherapy", equalTo(true)).extract().path("id");

        publish(patient, CLINIC, UUID.randomUUID(), List.of(RedFlagCode.INFECTION_RISK));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient).body("size()", equalTo(1)));
        intake(patient, intake).body("clearedForTherapy", equalTo(false));

        String flag = flags(patient).extract().path("[0].id");
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Blood tests normal, no fever since\"}")
                .post("/api/v1/patients/" + patient + "/red-flags/" + flag + "/clear")
                .then().statusCode(200).body("open", equalTo(false));
        intake(patient, intake).body("clearedForTherapy", equalTo(true));
    }

    private static ValidatableResponse intake(String patient, String intake) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .get("/api/v1/patients/" + patient + "/intakes/" + intake).then().statusCode(200);
    }

    @Test
    void aSessionOfAPatientOfAnotherClinicIsRefused() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String eventId = publish(patient, "clinic-elsewhere", UUID.randomUUID(), List.of(RedFlagCode.SADDLE_NUMBNESS));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(Topic.PLAN.deadLetterTopicName(),
                Duration.ofSeconds(30), all -> all.stream().anyMatch(r -> eventId.equals(TopicProbe.header(r, "ce_id"))));
        assertThat(dead.stream().filter(r -> eventId.equals(TopicProbe.header(r, "ce_id"))).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("patient-service"));
        flags(patient).body("size()", equalTo(0));
    }

    /** Before this consumer's interest in it was decided, such a record stopped the channel for good. */
    @Test
    void aSessionWhoseValueDoesNotFitItsRecordIsDeadLetteredAndTheNextOneApplied() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String unfit = UUID.randomUUID().toString();
        Fixtures.publishSession(unfit, Topic.PLAN.ownerSource(), patient, CLINIC, UUID.randomUUID(),
                List.of(RedFlagCode.SADDLE_NUMBNESS), json -> json.replace("\"planWeek\":1", "\"planWeek\":1180591620717411303424"));
        publish(patient, CLINIC, UUID.randomUUID(), List.of(RedFlagCode.FRACTURE_RISK));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient).body("size()", equalTo(1))
                .body("[0].flag", equalTo("FRACTURE_RISK")));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(Topic.PLAN.deadLetterTopicName(),
                Duration.ofSeconds(30), all -> all.stream().anyMatch(r -> unfit.equals(TopicProbe.header(r, "ce_id"))));
        assertThat(dead.stream().filter(r -> unfit.equals(TopicProbe.header(r, "ce_id"))).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("does not fit"));
    }

    @Test
    void aSessionWithoutRedFlagsIsCheckedButNeedsNoTransactionHere() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        double ignoredBefore = ignored();
        String plain = publish(patient, CLINIC, UUID.randomUUID(), List.of());
        String forged = UUID.randomUUID().toString();
        publish(forged, "/backtrack/patient-service", patient, CLINIC, UUID.randomUUID(), List.of());
        String flagged = publish(patient, CLINIC, UUID.randomUUID(), List.of(RedFlagCode.FRACTURE_RISK));

        // one partition per patient, in order: once the flag is open, the two before it were handled
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient).body("size()", equalTo(1)));
        assertThat(processed(plain)).as("nothing to remember of an event with no effect here").isZero();
        assertThat(processed(flagged)).isEqualTo(1);
        assertThat(ignored()).isEqualTo(ignoredBefore + 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(Topic.PLAN.deadLetterTopicName(),
                Duration.ofSeconds(30), all -> all.stream().anyMatch(r -> forged.equals(TopicProbe.header(r, "ce_id"))));
        assertThat(dead).as("a record from a source that does not own the topic is refused, flags or not")
                .anySatisfy(r -> assertThat(TopicProbe.header(r, "ce_id")).isEqualTo(forged));
    }

    @Test
    void anEventOfAnotherTypeIsAcknowledgedUnreadUnlessItsSourceDoesNotOwnTheTopic() throws Exception {
        String patient = Fixtures.registerPatient(CLINIC, null);
        double ignoredBefore = ignored();
        String schemaBreaking = "{\"patientId\":\"" + patient + "\"}";
        String broken = UUID.randomUUID().toString();
        publishOther(broken, Topic.PLAN.ownerSource(), patient, schemaBreaking);
        String forged = UUID.randomUUID().toString();
        publishOther(forged, "/backtrack/patient-service", patient, schemaBreaking);
        publish(patient, CLINIC, UUID.randomUUID(), List.of(RedFlagCode.FRACTURE_RISK));

        // one partition per patient, in order: once the flag is open, the two before it were handled
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> flags(patient).body("size()", equalTo(1)));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(Topic.PLAN.deadLetterTopicName(),
                Duration.ofSeconds(30), all -> all.stream().anyMatch(r -> forged.equals(TopicProbe.header(r, "ce_id"))));
        assertThat(dead).as("refused on its headers, payload unread")
                .anySatisfy(r -> assertThat(TopicProbe.header(r, "ce_id")).isEqualTo(forged))
                .as("an adherence-missed event is outcome-service's to check, not this consumer's")
                .noneSatisfy(r -> assertThat(TopicProbe.header(r, "ce_id")).isEqualTo(broken));
        assertThat(ignored()).isEqualTo(ignoredBefore + 1);
        assertThat(processed(broken)).isZero();
    }

    /** An adherence-missed record on the plan topic, with {@code payload} as it comes. */
    private static void publishOther(String eventId, String source, String patient, String payload) {
        TopicProbe.publish(Topic.PLAN.topicName(), patient, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", source, "ce_type", EventType.ADHERENCE_MISSED.ceType(), "ce_subject", patient,
                "ce_time", Instant.now().toString(), "content-type", "application/json"), payload);
    }

    private double ignored() {
        Counter counter = registry.find("backtrack.events.ignored").tag("consumer", "patient-service.plan-events")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long processed(String eventId) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
    }

    private static boolean isRaised(ConsumerRecord<String, String> record, String patient) {
        return patient.equals(record.key())
                && EventType.RED_FLAG_RAISED.ceType().equals(TopicProbe.header(record, "ce_type"));
    }

    private static ValidatableResponse flags(String patient) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .get("/api/v1/patients/" + patient + "/red-flags").then().statusCode(200);
    }

    private static String publish(String patient, String clinic, UUID session, List<RedFlagCode> flags)
            throws JsonProcessingException {
        String eventId = UUID.randomUUID().toString();
        republish(eventId, patient, clinic, session, flags);
        return eventId;
    }

    private static void republish(String eventId, String patient, String clinic, UUID session, List<RedFlagCode> flags)
            throws JsonProcessingException {
        publish(eventId, Topic.PLAN.ownerSource(), patient, clinic, session, flags);
    }

    private static void publish(String eventId, String source, String patient, String clinic, UUID session,
            List<RedFlagCode> flags) throws JsonProcessingException {
        Fixtures.publishSession(eventId, source, patient, clinic, session, flags);
    }
}
