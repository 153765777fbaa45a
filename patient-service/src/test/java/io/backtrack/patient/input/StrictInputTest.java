package io.backtrack.patient.input;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.patient.Fixtures;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A client bug must not silently change clinical state: values only in their own type, plausible dates, bounded lists. */
@QuarkusTest
class StrictInputTest {

    private static final String CLINIC = "clinic-strict-input";

    @ParameterizedTest(name = "painNrs {0} is refused")
    @CsvSource(delimiter = '|', value = {"5.7", "\"5\"", "true", "[5]"})
    void anIntegerIsOnlyAnInteger(String raw) {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String body = Fixtures.intake().put("painNrs", 0).toString().replace("\"painNrs\":0", "\"painNrs\":" + raw);
        postIntake(patient, body).statusCode(400)
                .body("violations[0].field", equalTo("painNrs"));
    }

    @Test
    void aBooleanIsOnlyABoolean() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        intake.with("redFlagScreen").put("fever", 1);
        postIntake(patient, intake.toString()).statusCode(400)
                .body("violations[0].field", equalTo("redFlagScreen.fever"));
    }

    @Test
    void anEnumIsOnlyItsName() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        postIntake(patient, Fixtures.intake().put("trigger", 1).toString()).statusCode(400)
                .body("violations[0].field", equalTo("trigger"));
    }

    @Test
    void aTextIsOnlyAString() {
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(Fixtures.registration(null).put("givenName", 5).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("givenName"));
    }

    @Test
    void aDuplicateMemberIsRefused() {
        String body = Fixtures.registration(null).toString().replaceFirst("\\{", "{\"givenName\":\"Eve\",");
        register(body).statusCode(400)
                .body("violations[0].field", equalTo("givenName"))
                .body("violations[0].rule", equalTo("duplicate-member"));
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamed() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String body = Fixtures.intake().put("painNrs", 0).toString()
                .replace("\"painNrs\":0", "\"painNrs\":9999999999999999999");
        postIntake(patient, body).statusCode(400)
                .body("violations[0].field", equalTo("painNrs"))
                .body("violations[0].rule", equalTo("range"));
        String odi = Fixtures.intake().toString().replace("\"walking\":2", "\"walking\":99999999999");
        postIntake(patient, odi).statusCode(400)
                .body("violations[0].field", equalTo("odi.walking"))
                .body("violations[0].rule", equalTo("range"));
    }

    @ParameterizedTest(name = "a NUL or a right-to-left override in {0} is refused")
    @CsvSource({"givenName, '\u0000'", "familyName, '\u0000'", "loginSubject, '\u0000'", "givenName, '\u202e'",
            "familyName, '\u2066'"})
    void controlCharactersAreRefused(String field, String control) {
        register(Fixtures.registration(null).put(field, "Ada" + control + "Lovelace").toString()).statusCode(400)
                .body("violations[0].field", equalTo(field))
                .body("violations[0].rule", equalTo("text"));
    }

    @Test
    void halfACharacterIsRefusedAndAWholeOneKept() {
        String half = Fixtures.registration(null).put("givenName", "NAME").toString().replace("NAME", "Ada\\ud800");
        register(half).statusCode(400)
                .body("violations[0].field", equalTo("givenName"))
                .body("violations[0].rule", equalTo("text"));
        String whole = Fixtures.registration(null).put("givenName", "NAME").toString()
                .replace("NAME", "Ada\\ud83d\\ude00");
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(whole)
                .when().post("/api/v1/patients")
                .then().statusCode(201).body("givenName", equalTo("Ada\ud83d\ude00"));
    }

    @ParameterizedTest(name = "login subject \"{0}\" is refused")
    @CsvSource(delimiter = '|', value = {"' '", "''", "'a b'"})
    void aBlankLoginSubjectIsRefused(String subject) {
        register(Fixtures.registration(null).put("loginSubject", subject).toString()).statusCode(400)
                .body("violations[0].field", equalTo("loginSubject"));
    }

    @ParameterizedTest(name = "birth date {0} is refused: {1}")
    @CsvSource({"-5000-01-01, date-range", "+10000-01-01, date-range", "1899-12-31, date-range",
            "1980-02-30, date-format", "17/05/1980, date-format"})
    void implausibleDatesAreRefused(String date, String rule) {
        register(Fixtures.registration(null).put("birthDate", date).toString()).statusCode(400)
                .body("violations[0].field", equalTo("birthDate"))
                .body("violations[0].rule", equalTo(rule));
    }

    @Test
    void anIntakeBeforeTheBirthIsRefused() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        postIntake(patient, Fixtures.intake().put("onsetDate", "1970-01-01").toString()).statusCode(422)
                .body("violations.field", hasItem("onsetDate"))
                .body("violations.rule", hasItem("not-before-birth"));
    }

    @Test
    void listsAreBounded() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        var symptoms = intake.putArray("symptoms");
        for (int i = 0; i < 1000; i++) {
            symptoms.add("MUSCLE_ACHE");
        }
        postIntake(patient, intake.toString()).statusCode(400)
                .body("violations[0].field", equalTo("symptoms"));
    }

    @Test
    void aConditionListedTwiceIsRefused() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        intake.putArray("conditions").add("M54.50").add("M54.50");
        postIntake(patient, intake.toString()).statusCode(400)
                .body("violations[0].field", equalTo("conditions"))
                .body("violations[0].rule", equalTo("UniqueElements"));
    }

    @Test
    void aPsfsActivityRatedTwiceIsRefused() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        ObjectNode intake = Fixtures.intake();
        var psfs = intake.putArray("psfs");
        psfs.addObject().put("activity", "Walking").put("score", 3);
        psfs.addObject().put("activity", " walking ").put("score", 7);
        postIntake(patient, intake.toString()).statusCode(400)
                .body("violations[0].field", equalTo("psfs"))
                .body("violations[0].rule", equalTo("DistinctPsfsActivities"));
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + patient + "/intakes")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @ParameterizedTest(name = "query {0}={1} is a 400 naming the parameter")
    @CsvSource({"page, 2147483647", "page, abc", "page, -1", "size, 1.5", "name, a%00b"})
    void badQueryValuesAreNamed(String parameter, String value) {
        given().auth().oauth2(TestTokens.clinician(CLINIC)).urlEncodingEnabled(false)
                .when().get("/api/v1/patients?" + parameter + "=" + value)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter));
    }

    @ParameterizedTest(name = "a patient read as {0} is a 406, not the record in another form")
    @CsvSource({"application/xml", "text/plain"})
    void aPatientIsOnlyReadAsJson(String accept) {
        String id = given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(Fixtures.registration(null).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.clinician(CLINIC)).accept(accept)
                .when().get("/api/v1/patients/" + id)
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void aMalformedIdInThePathIsABadRequest() {
        given().auth().oauth2(TestTokens.clinician(CLINIC)).urlEncodingEnabled(false)
                .when().get("/api/v1/patients/%00")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + UUID.randomUUID() + "/intakes/xyz")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("intakeId"))
                .body("violations[0].rule", equalTo("parameter"));
    }

    /**
     * Sixteen bodies at once, each under the byte limit but holding more members than a request ever
     * does (the record is built once its body is read, so what it does not know is kept until then):
     * each is refused, and the service goes on answering. Read whole, they filled the heap.
     */
    @Test
    void bodiesBeyondWhatTheReaderTakesAreRefusedWithoutFillingTheHeap() throws Exception {
        ObjectNode registration = Fixtures.registration(null);
        registration.putArray("zz").addAll(Collections.nCopies(100_000,
                registration.textNode("a")));
        String body = registration.toString();
        assertThat(body.length()).as("under the byte limit").isLessThan(512 * 1024);
        String nested = "{\"zz\":" + "[".repeat(40) + "]".repeat(40) + "}";

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            CyclicBarrier start = new CyclicBarrier(16);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return register(body).statusCode(413).body("violations[0].rule", equalTo("size"))
                            .extract().statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(413);
            }
        } finally {
            clients.shutdownNow();
        }
        register(nested).statusCode(413).body("violations[0].rule", equalTo("size"));
        Fixtures.registerPatient(CLINIC, null);
    }

    /** A name is one line, and a contact given is not empty. */
    @ParameterizedTest(name = "{0} of {1} is refused")
    @CsvSource(delimiter = '|', value = {"givenName|\"Ann\\nMarie\"|givenName", "familyName|\"Doe\\t\"|familyName",
            "contact|{\"email\":\"\"}|contact.email"})
    void aNameOnTwoLinesOrAnEmptyEmailIsRefused(String member, String json, String field) {
        ObjectNode registration = Fixtures.registration(null);
        registration.remove(member);
        String body = registration.toString().replaceFirst("\\{", "{\"" + member + "\":" + json.replace("\\", "\\\\") + ",");
        register(body).statusCode(400).body("violations[0].field", equalTo(field));
    }

    /** A body is read only as what it declares: JSON in UTF-8, nothing else that ends in +json. */
    @ParameterizedTest(name = "a body declared as {0} is refused")
    @CsvSource(delimiter = '|', value = {"application/merge-patch+json", "application/problem+json",
            "application/json; charset=ISO-8859-1"})
    void aBodyOfAnotherTypeOrCharsetIsRefused(String contentType) {
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(contentType).body(Fixtures.registration(null).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(415).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Content-Type"));
    }

    /**
     * A body sent without any Content-Type is refused like one of another type; an empty one is read as
     * empty JSON, which registers no one (the REST layer answered both with a bare 415 of its own).
     */
    @Test
    void aBodyWithoutAContentTypeIsRefusedAndAnEmptyOneIsReadAsJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI patients = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/patients");
        String token = "Bearer " + TestTokens.clinician(CLINIC);

        HttpResponse<String> untyped = http.send(HttpRequest.newBuilder(patients).header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.registration(null).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(patients).header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.body()).contains("\"field\":\"Content-Type\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static ValidatableResponse register(String body) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patients")
                .then().contentType("application/problem+json");
    }

    private static ValidatableResponse postIntake(String patient, String body) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patients/" + patient + "/intakes")
                .then().contentType("application/problem+json");
    }
}
