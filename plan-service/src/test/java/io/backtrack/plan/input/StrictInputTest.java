package io.backtrack.plan.input;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A client bug must not silently change a plan: enums, booleans and dates only in their own form. */
@QuarkusTest
class StrictInputTest {

    private static final String CLINIC = "clinic-plan-strict";

    private final ServiceClock clock;

    StrictInputTest(ServiceClock clock) {
        this.clock = clock;
    }

    @Test
    void aStatusByPositionDoesNotHoldThePlan() {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String plan = PlanFixtures.createPlan(CLINIC, patient, PlanFixtures.plan(LocalDate.now()));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body("{\"status\":1,\"reason\":\"numbers are not statuses\"}")
                .when().post("/api/v1/plans/" + plan + "/status")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/plans/" + plan)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPlanInYearOneIsRefused() {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(PlanFixtures.plan(LocalDate.of(1, 1, 1)).toString())
                .when().post("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].rule", equalTo("date-range"));
    }

    @ParameterizedTest(name = "a course starting {0} days from today is refused")
    @CsvSource({"-367", "367"})
    void aCourseStartingYearsAwayIsRefused(long days) {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(PlanFixtures.plan(LocalDate.now(clock).plusDays(days)).toString())
                .when().post("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].rule", equalTo("plan-start-within-a-year"));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @ParameterizedTest(name = "a course of {0} weeks with phases of 6 is refused")
    @CsvSource({"1", "52"})
    void phasesThatDoNotFillTheCourseAreRefused(int durationWeeks) {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(LocalDate.now(clock)).put("durationWeeks", durationWeeks).toString())
                .when().post("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("durationWeeks"))
                .body("violations[0].rule", equalTo("plan-phases-fill-duration"));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** Ten of one active exercise beside five passive modalities passed PLAN-PASSIVE-SHARE as 5 of 15. */
    @Test
    void anExerciseListedTwiceInAPhaseIsRefused() {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now(clock));
        ((ObjectNode) plan.withArray("phases").get(1)).withArray("items").addObject().put("exerciseCode", "SG-04");
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(plan.toString())
                .when().post("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("phases[1].items[3].exerciseCode"))
                .body("violations[0].rule", equalTo("plan-exercise-once-per-phase"));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** A path that cannot name an exercise is refused as such, not looked up. */
    @Test
    void anExerciseCodeOfAnotherFormIsRefused() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/exercises/" + "x".repeat(5000))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code")).body("detail", not(containsString("xxxx")));
    }

    /** A condition no intake can record never fires: a prefix must have a known code under it, and once. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"M81.O\"]|[]|contraindicatedFor[0]|ICD10CM-KNOWN-CODE",
            "[]|[\"M51.1\",\"Q9.ZZZZZ\"]|cautionedFor[1]|ICD10CM-KNOWN-CODE",
            "[\"M81.0\"]|[\"M81.0\"]|cautionedFor[0]|not-also-contraindicated"})
    void anExercisesConditionsMustBeKnownAndListedOnce(String contraindicated, String cautioned, String field,
            String rule) {
        String code = "ZK-" + (100 + Math.abs((field + rule).hashCode()) % 900);
        String exercise = """
                {"code":"%s","name":"Condition probe","category":"STRETCHING","instructions":"Stretch.",
                 "defaultDosage":{"sets":1,"reps":5},"loads":{"flexion":true,"extension":false,"rotation":false},
                 "contraindicatedFor":%s,"cautionedFor":%s}""".formatted(code, contraindicated, cautioned);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exercise)
                .when().post("/api/v1/exercises")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].rule", equalTo(rule));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/exercises/" + code).then().statusCode(404);
    }

    @ParameterizedTest(name = "an exercise with a null in {0} is a 400 naming it, and is not added")
    @CsvSource({"contraindicatedFor", "cautionedFor"})
    void aNullConditionOfAnExerciseIsRefused(String list) {
        String exercise = """
                {"code":"ZN-%d","name":"Null probe","category":"AEROBIC","instructions":"Walk.",
                 "defaultDosage":{"sets":1,"reps":1},"loads":{"flexion":false,"extension":false,"rotation":false},
                 "contraindicatedFor":[],"cautionedFor":[]}""".formatted(list.length())
                .replace("\"" + list + "\":[]", "\"" + list + "\":[null]");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exercise)
                .when().post("/api/v1/exercises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(list + "[0]"))
                .body("violations[0].rule", equalTo("NotNull"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/exercises/ZN-" + list.length())
                .then().statusCode(404);
    }

    @Test
    void anExerciseWithoutItsDosageIsRefused() {
        String exercise = """
                {"code":"ZD-10","name":"Dosage probe","category":"AEROBIC","instructions":"Walk.",
                 "defaultDosage":{},"loads":{"flexion":false,"extension":false,"rotation":false},
                 "contraindicatedFor":[],"cautionedFor":[]}""";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exercise)
                .when().post("/api/v1/exercises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("defaultDosage.sets", "defaultDosage.reps"))
                .body("violations.rule", everyItem(equalTo("NotNull")));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/exercises/ZD-10")
                .then().statusCode(404);
    }

    @ParameterizedTest(name = "catalog query {0}={1} is a 400 naming the parameter")
    @CsvSource({"passive, 1", "passive, yes", "includeRetired, 0", "category, 1", "category, FOO", "suitableFor, zz",
            "suitableFor, 54"})
    void catalogQueryValuesAreStrict(String parameter, String value) {
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/exercises?" + parameter + "=" + value)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter));
    }

    @ParameterizedTest(name = "a status of \"{0}\" is a 400 naming it, and the plan stays ACTIVE")
    @CsvSource(value = {"' ON_HOLD'", "'ON_HOLD\\n'", "'\\tON_HOLD'", "''"}, quoteCharacter = '\'')
    void anEnumWithSpacesAroundItIsRefused(String status) {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String plan = PlanFixtures.createPlan(CLINIC, patient, PlanFixtures.plan(LocalDate.now()));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body("{\"status\":\"" + status + "\",\"reason\":\"padded\"}")
                .when().post("/api/v1/plans/" + plan + "/status")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + plan)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @ParameterizedTest(name = "an intakeId of \"{0}\" is a 400 naming it")
    @CsvSource(value = {"''", "' 3fa85f64-5717-4562-b3fc-2c963f66afa6'", "'3fa85f64-5717-4562-b3fc-2c963f66afa6\\n'"},
            quoteCharacter = '\'')
    void aUuidWithSpacesAroundItOrEmptyIsRefused(String intakeId) {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        String body = "{\"intakeId\":\"" + intakeId + "\"," + plan.toString().substring(1);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patients/" + patient + "/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("intakeId"))
                .body("violations[0].rule", equalTo("token"));
    }

    @ParameterizedTest(name = "Content-Type \"{0}\" is a 415 problem, not a 500")
    @CsvSource(value = {"';'", "'/'", "'application/'", "'a/b/c'", "'application json'"}, quoteCharacter = '\'')
    void aContentTypeThatIsNoMediaTypeIsRefused(String contentType) {
        given().auth().oauth2(TestTokens.clinician(CLINIC)).header("Content-Type", contentType).body("{}".getBytes())
                .when().post("/api/v1/patients/" + UUID.randomUUID() + "/plans")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clinician(CLINIC)).header("Content-Type", contentType)
                .when().get("/api/v1/exercises")
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "a bearer token \"{0}\" is a 401, not a 500")
    @CsvSource(value = {"'.'", "'..'", "'....'", "'a.b'", "'a..c'"}, quoteCharacter = '\'')
    void aBearerTokenThatIsNoJwtIsUnauthorized(String token) {
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/exercises")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "Idempotency-Key \"{0}\" is a 400 naming the header, and nothing is logged")
    @CsvSource(value = {"''", "'a b'", "'a\tb'"}, quoteCharacter = '\'')
    void aMalformedIdempotencyKeyIsRefused(String key) {
        UUID patient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String plan = PlanFixtures.createPlan(CLINIC, patient, PlanFixtures.plan(LocalDate.now()));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"performedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                        + "\"painBefore\":3,\"painAfter\":3}")
                .when().post("/api/v1/plans/" + plan + "/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + plan + "/sessions")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** Without a token, as anyone could: a 400 problem, not the framework's "500" page as plain text. */
    @Test
    void aHostHeaderThatIsNoHostIsABadRequestProblem() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write("GET /api/v1/exercises HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":400").doesNotContain("500");
        }
    }
}
