package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from a front-end's request to the escalation it causes in another service: the request's
 * W3C traceparent reaches patient-service, goes with the intake's event through the outbox and the
 * broker, and outcome-service applies the event in a span of the same trace; the escalation event it
 * writes there, and its JSON log line, carry that trace id.
 */
class TracingSystemTest {

    private static final String CLINIC = "clinic-tracing";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BackTrackSystem system;

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void anEscalationInOutcomeServiceContinuesTheTraceOfTheIntakeRequestThatCausedIt() {
        String clinician = TestTokens.clinician(CLINIC);
        String traceId = hex(16);
        String frontEndSpan = hex(8);
        String patientId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Trace\",\"familyName\":\"Followed\",\"birthDate\":\"1970-01-02\",\"sex\":\"OTHER\"}")
                .when().post(system.patients + "/patients").then().statusCode(201).extract().path("id");

        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + frontEndSpan + "-01")
                .body("""
                        {"onsetDate":"%s","trigger":"NONE","history":{"previousEpisodes":0},"symptoms":["MUSCLE_ACHE"],
                         "conditions":["M54.50"],"redFlagScreen":{%s},
                         "startBack":{"legPain":false,"shoulderOrNeckPain":false,"walkedOnlyShortDistances":false,
                           "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":false,
                           "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"MODERATELY"},
                         "odi":%s,"painNrs":6,"motorDeficit":false}"""
                        .formatted(system.today().minusDays(10), ClinicRequests.redFlagScreen("saddleNumbness"), odi()))
                .when().post(system.patients + "/patients/" + patientId + "/intakes").then().statusCode(201);

        ConsumerRecord<String, String> intake = first(Topic.PATIENT, patientId, EventType.INTAKE_COMPLETED);
        String intakeParent = TopicProbe.header(intake, "traceparent");
        assertThat(intakeParent).as("the intake event's traceparent")
                .startsWith("00-" + traceId + "-").doesNotContain(frontEndSpan);

        ConsumerRecord<String, String> escalation = first(Topic.OUTCOME, patientId, EventType.ESCALATION_RECOMMENDED);
        String escalationParent = TopicProbe.header(escalation, "traceparent");
        assertThat(escalationParent).as("the escalation event's traceparent")
                .startsWith("00-" + traceId + "-").isNotEqualTo(intakeParent);

        String escalationId = json(escalation.value()).path("escalationId").asText();
        JsonNode logged = await().atMost(Duration.ofSeconds(30))
                .until(() -> jsonLines("outcome-service").stream()
                        .filter(line -> line.path("message").asText().contains(escalationId)).findFirst().orElse(null),
                        line -> line != null);
        assertThat(logged.path("level").asText()).isEqualTo("INFO");
        assertThat(logged.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        assertThat(logged.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
    }

    /** Every line of a service's log, each of which must be a JSON object. */
    private static List<JsonNode> jsonLines(String service) {
        try {
            return Files.readAllLines(system.log(service)).stream().filter(line -> !line.isBlank())
                    .map(TracingSystemTest::json).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConsumerRecord<String, String> first(Topic topic, String patientId, EventType type) {
        return TopicProbe.readAll(topic.topicName(), Duration.ofSeconds(60), all -> all.stream().anyMatch(r -> is(r, patientId, type)))
                .stream().filter(r -> is(r, patientId, type)).findFirst().orElseThrow();
    }

    private static boolean is(ConsumerRecord<String, String> record, String patientId, EventType type) {
        return patientId.equals(record.key()) && type.ceType().equals(TopicProbe.header(record, "ce_type"));
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + value, e);
        }
    }

    private static String odi() {
        return "{\"painIntensity\":2,\"personalCare\":2,\"lifting\":2,\"walking\":2,\"sitting\":2,\"standing\":2,"
                + "\"sleeping\":2,\"sexLife\":2,\"socialLife\":2,\"travelling\":2}";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
