package io.backtrack.patient.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.patient.Fixtures;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class IntakeTest {

    private static final String CLINIC = "clinic-intake";
    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static ValidatableResponse postIntake(String patientId, ObjectNode intake) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(intake.toString())
                .when().post("/api/v1/patients/" + patientId + "/intakes")
                .then();
    }

    @Test
    void intakeWithoutRedFlagsIsScoredAndCleared() {
        String patientId = Fixtures.registerPatient(CLINIC, null);
        postIntake(patientId, Fixtures.intake()).statusCode(201)
                .body("assessment.stage", equalTo("ACUTE"))
                .body("assessment.startBack.total", equalTo(3))
                .body("assessment.startBack.psychosocialSubscale", equalTo(1))
                .body("assessment.startBack.risk", equalTo("LOW"))
                .body("assessment.odi.percent", equalTo(32.0f))
                .body("assessment.odi.rawSum", equalTo(16))
                .body("assessment.conditions[0].description", equalTo("Low back pain, unspecified"))
                .body("assessment.psfsMean", equalTo(4.0f))
                .body("redFlags", empty())
                .body("clearedForTherapy", equalTo(true));

        JsonNode event = eventsFor(patientId, 1).get(0);
        assertThat(event.path("stage").asText()).isEqualTo("ACUTE");
        assertThat(event.path("clearedForTherapy").asBoolean()).isTrue();
        assertThat(event.path("baseline").path("painNrs").asInt()).isEqualTo(6);
    }

    @Test
    void redFlagsBlockTherapyUntilEachIsCleared() {
        String patientId = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        intake.with("redFlagScreen").put("saddleNumbness", true).put("historyOfCancer", true);
        ValidatableResponse created = postIntake(patientId, intake).statusCode(201)
                .body("redFlags.flag", containsInAnyOrder("SADDLE_NUMBNESS", "MALIGNANCY_RISK"))
                .body("redFlags.urgency", containsInAnyOrder("EMERGENCY", "URGENT"))
                .body("redFlags.suspectedCondition", containsInAnyOrder("CAUDA_EQUINA_SYNDROME", "MALIGNANCY"))
                .body("clearedForTherapy", equalTo(false));
        List<String> flagIds = created.extract().path("redFlags.id");

        List<JsonNode> raisedAndCompleted = eventsFor(patientId, 3);
        assertThat(raisedAndCompleted).filteredOn(e -> e.has("flagId")).hasSize(2);
        assertThat(raisedAndCompleted).filteredOn(e -> e.has("stage"))
                .singleElement().satisfies(e -> assertThat(e.path("clearedForTherapy").asBoolean()).isFalse());

        for (String invisible : List.of("\\u200b", "\\u00a0", "\\ufeff\\u202f")) {
            clear(patientId, flagIds.get(0), invisible).statusCode(400).body("violations[0].field", equalTo("reason"));
        }
        clear(patientId, flagIds.get(0), "Saddle sensation intact on exam").statusCode(200).body("open", equalTo(false));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/intakes")
                .then().statusCode(200).body("[0].clearedForTherapy", equalTo(false));
        clear(patientId, flagIds.get(1), "Oncology follow-up clear").statusCode(200);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/intakes")
                .then().statusCode(200).body("[0].clearedForTherapy", equalTo(true));
        clear(patientId, flagIds.get(1), "again").statusCode(409);
        clear(patientId, flagIds.get(0), " ").statusCode(400).body("violations[0].field", equalTo("reason"));

        List<JsonNode> events = eventsFor(patientId, 5);
        assertThat(events.subList(3, 5)).extracting(e -> e.path("clearedForTherapy").asBoolean()).containsExactly(false, true);
    }

    @Test
    void clearingIsForCliniciansOfTheClinic() {
        String patientId = Fixtures.registerPatient(CLINIC, "patient-" + UUID.randomUUID());
        ObjectNode intake = Fixtures.intake();
        intake.with("redFlagScreen").put("progressiveMotorWeakness", true);
        String flagId = postIntake(patientId, intake).statusCode(201).extract().path("redFlags[0].id");
        given().auth().oauth2(TestTokens.clinician("another-clinic")).contentType(ContentType.JSON)
                .body("{\"reason\":\"ok\"}")
                .when().post("/api/v1/patients/" + patientId + "/red-flags/" + flagId + "/clear")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\":\"ok\"}")
                .when().post("/api/v1/patients/" + patientId + "/red-flags/" + flagId + "/clear")
                .then().statusCode(403);
    }

    @Test
    void watchOnlyFlagsDoNotBlock() {
        String patientId = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        intake.with("redFlagScreen").put("constantNightPain", true);
        postIntake(patientId, intake).statusCode(201)
                .body("assessment.watchFlags", contains("NIGHT_PAIN"))
                .body("redFlags", empty())
                .body("clearedForTherapy", equalTo(true));
    }

    @Test
    void aPreviousEpisodeIsPreviousEpisodesAboveZeroAndAReassessmentReadsItsOwnAnswers() {
        ObjectNode registration = Fixtures.registration(null).put("birthDate", "1958-03-02");
        String patientId = given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(registration.toString()).when().post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        ObjectNode first = Fixtures.intake();
        first.with("history").put("previousEpisodes", 0);
        first.with("redFlagScreen").put("constantNightPain", true);
        postIntake(patientId, first).statusCode(201)
                .body("assessment.watchFlags", containsInAnyOrder("AGE_OVER_50_NEW_PAIN", "NIGHT_PAIN"));

        ObjectNode withoutAnswer = Fixtures.intake();
        withoutAnswer.with("history").remove("previousEpisodes");
        postIntake(patientId, withoutAnswer).statusCode(201)
                .body("assessment.watchFlags", contains("AGE_OVER_50_NEW_PAIN"));

        postIntake(patientId, Fixtures.intake()).statusCode(201)
                .body("assessment.watchFlags", empty())
                .body("clearedForTherapy", equalTo(true));
    }

    @Test
    void tooFewOdiSectionsKeepTheIntakeWithoutAScore() {
        String patientId = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        intake.with("odi").putNull("sexLife").putNull("socialLife").putNull("travelling");
        postIntake(patientId, intake).statusCode(201)
                .body("assessment.odi.percent", nullValue())
                .body("assessment.odi.sectionsAnswered", equalTo(7))
                .body("assessment.odi.missingReason", equalTo("ODI-MIN-SECTIONS"));
    }

    static Stream<Arguments> invalidIntakes() {
        return Stream.of(
                invalid("pain 11", i -> i.put("painNrs", 11), 400, "painNrs"),
                invalid("ODI section 6", i -> i.with("odi").put("sitting", 6), 400, "odi.sitting"),
                invalid("future onset", i -> i.put("onsetDate", LocalDate.now().plusDays(30).toString()), 400, "onsetDate"),
                invalid("unknown ICD-10 code", i -> i.withArray("conditions").add("M99.99"), 422, "conditions[1]"),
                invalid("missing STarT Back item", i -> i.with("startBack").remove("legPain"), 400, "startBack.legPain"),
                invalid("wrong JSON type", i -> i.put("painNrs", "six"), 400, "painNrs"),
                invalid("unknown field", i -> i.put("favouriteColour", "blue"), 400, "favouriteColour"),
                invalid("no conditions", i -> i.withArray("conditions").removeAll(), 400, "conditions"));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change, int status, String field) {
        return Arguments.of(name, change, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIntakes")
    void invalidIntakeNamesTheFieldAndWritesNothing(String name, Consumer<ObjectNode> change, int status, String field) {
        String patientId = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        change.accept(intake);
        postIntake(patientId, intake).statusCode(status)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/intakes")
                .then().statusCode(200).body("", empty());
    }

    @Test
    void patientsReadTheirOwnIntakesButDoNotRecordThem() {
        String subject = "patient-" + UUID.randomUUID();
        String patientId = Fixtures.registerPatient(CLINIC, subject);
        postIntake(patientId, Fixtures.intake()).statusCode(201);
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/patients/" + patientId + "/intakes")
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.patient(subject)).contentType(ContentType.JSON)
                .body(Fixtures.intake().toString())
                .when().post("/api/v1/patients/" + patientId + "/intakes")
                .then().statusCode(403);
        String otherPatient = Fixtures.registerPatient(CLINIC, null);
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/patients/" + otherPatient + "/intakes")
                .then().statusCode(404);
    }

    private static ValidatableResponse clear(String patientId, String flagId, String reason) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/patients/" + patientId + "/red-flags/" + flagId + "/clear")
                .then();
    }

    /**
     * The patient's events after registration, read from the real broker: each keyed by the patient
     * id, carrying CloudEvents headers, and valid against its contract schema.
     */
    private static List<JsonNode> eventsFor(String patientId, int atLeast) {
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> patientId.equals(r.key())).count() >= atLeast + 1);
        return records.stream()
                .filter(r -> patientId.equals(r.key()))
                .filter(r -> !EventType.PATIENT_REGISTERED.ceType().equals(TopicProbe.header(r, "ce_type")))
                .map(r -> {
                    EventType type = EventType.ofCeType(TopicProbe.header(r, "ce_type")).orElseThrow();
                    assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(patientId);
                    assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/backtrack/patient-service");
                    JsonNode payload = readTree(r.value());
                    assertThat(SCHEMAS.violations(type, payload)).as(type.ceType()).isEmpty();
                    return payload;
                })
                .toList();
    }

    private static JsonNode readTree(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
