package io.backtrack.patient.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.backtrack.patient.Fixtures;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientRegistrationTest {

    private static final String CLINIC = "clinic-registration";

    @Test
    void registersInTheCliniciansClinic() {
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(Fixtures.registration(null).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("clinicId", equalTo(CLINIC))
                .body("contact.email", equalTo("ada@example.org"));
    }

    @Test
    void invalidRegistrationNamesEveryField() {
        var body = Fixtures.registration(null).put("birthDate", LocalDate.now().plusYears(1).toString()).put("givenName", " ");
        body.with("contact").put("email", "not-an-email");
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/patients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("birthDate"))
                .body("violations.field", hasItem("givenName"))
                .body("violations.field", hasItem("contact.email"));
    }

    @Test
    void clinicianSeesOnlyTheirClinic() {
        String id = Fixtures.registerPatient(CLINIC, null);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.clinician("another-clinic")).when().get("/api/v1/patients/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void patientReadsOnlyTheirOwnRecord() {
        String subject = "patient-" + UUID.randomUUID();
        String own = Fixtures.registerPatient(CLINIC, subject);
        String other = Fixtures.registerPatient(CLINIC, "patient-" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/patients/" + own)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/patients/" + other)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/patients")
                .then().statusCode(403);
    }

    @Test
    void roleMatrix() {
        String id = Fixtures.registerPatient(CLINIC, null);
        given().when().get("/api/v1/patients/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/patients/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.patient("someone")).contentType(ContentType.JSON)
                .body(Fixtures.registration(null).toString())
                .when().post("/api/v1/patients").then().statusCode(403);
    }

    @Test
    void loginCanBeLinkedToOnePatientOnly() {
        String subject = "patient-" + UUID.randomUUID();
        Fixtures.registerPatient(CLINIC, subject);
        given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(Fixtures.registration(subject).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(422)
                .body("violations[0].field", equalTo("loginSubject"));
    }

    /** Two clinicians linking one login at the same moment: one patient has it, the others are told why. */
    @Test
    void oneLoginRegisteredSixTimesAtOnceIsLinkedOnce() {
        String subject = "patient-" + UUID.randomUUID();
        List<Integer> statuses = StartBarrier.together(6, i -> () -> given().auth().oauth2(TestTokens.clinician(CLINIC))
                .contentType(ContentType.JSON).body(Fixtures.registration(subject).toString())
                .when().post("/api/v1/patients").statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(422);
    }

    @Test
    void searchIsPagedAndStaysInTheClinic() {
        String clinic = "clinic-search-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Fixtures.registerPatient(clinic, null);
        }
        String elsewhere = Fixtures.registerPatient("clinic-elsewhere", null);
        given().auth().oauth2(TestTokens.clinician(clinic))
                .queryParam("name", "lumbar").queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/patients")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(2))
                .body("items.clinicId", everyItem(equalTo(clinic)))
                .body("items.id", not(hasItem(elsewhere)));
        given().auth().oauth2(TestTokens.clinician(clinic)).queryParam("size", 500)
                .when().get("/api/v1/patients")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void wildcardsInASearchMatchThemselves() {
        String clinic = "clinic-search-" + UUID.randomUUID();
        Fixtures.registerPatient(clinic, null);
        for (String name : new String[] {"%", "_", "\\"}) {
            given().auth().oauth2(TestTokens.clinician(clinic)).queryParam("name", name)
                    .when().get("/api/v1/patients")
                    .then().statusCode(200).body("total", equalTo(0));
        }
        given().auth().oauth2(TestTokens.clinician(clinic)).queryParam("name", "")
                .when().get("/api/v1/patients")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void registrationsRetriedTogetherRegisterOnePatient() {
        String clinic = "clinic-registration-retry-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = Fixtures.registration(null).toString();

        List<Response> answers = StartBarrier.together(8, i -> () -> given().auth()
                .oauth2(TestTokens.clinician(clinic)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/patients"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.jsonPath().getString("id")).containsOnly(answers.get(0).jsonPath()
                .getString("id"));
        given().auth().oauth2(TestTokens.clinician(clinic)).when().get("/api/v1/patients")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.clinician(clinic)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Fixtures.registration(null).put("givenName", "Other").toString())
                .when().post("/api/v1/patients")
                .then().statusCode(422).body("violations[0].rule", equalTo("idempotency-key-reused"));
        given().auth().oauth2(TestTokens.clinician("clinic-elsewhere")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patients")
                .then().statusCode(201);
    }

    @Test
    void contactUpdateNeedsTheCurrentETag() {
        String id = Fixtures.registerPatient(CLINIC, null);
        String contact = "{\"email\":\"new@example.org\",\"phone\":\"+1 555 0100\"}";
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                .when().put("/api/v1/patients/" + id + "/contact")
                .then().statusCode(428);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/patients/" + id + "/contact")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("contact.email", equalTo("new@example.org"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/patients/" + id + "/contact")
                .then().statusCode(412)
                .contentType("application/problem+json");
    }

    /** RFC 9110: a weak tag never matches If-Match, anything unquoted is no tag; "*" is not the ETag read. */
    @Test
    void ifMatchIsReadAsHttpReadsIt() {
        String id = Fixtures.registerPatient(CLINIC, null);
        String contact = "{\"email\":\"forms@example.org\"}";
        for (String weak : new String[] {"W/\"0\"", "\"7\", W/\"0\""}) {
            given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                    .header("If-Match", weak).when().put("/api/v1/patients/" + id + "/contact")
                    .then().statusCode(412);
        }
        for (String malformed : new String[] {"0", "\"0", ","}) {
            given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                    .header("If-Match", malformed).when().put("/api/v1/patients/" + id + "/contact")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("If-Match"));
        }
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                .header("If-Match", "\"9\", \"0\"").when().put("/api/v1/patients/" + id + "/contact")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(contact)
                .header("If-Match", "*").when().put("/api/v1/patients/" + id + "/contact")
                .then().statusCode(428).body("violations[0].field", equalTo("If-Match"))
                .body("violations[0].rule", equalTo("etag-read"));
    }
}
