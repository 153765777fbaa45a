package io.backtrack.outcome;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Measures over REST: validation, Idempotency-Key, and who may record and read them. */
@QuarkusTest
class MeasureAccessTest {

    private static final String CLINIC = "clinic-measures";

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndCountsOnce() {
        String clinician = TestTokens.clinician(CLINIC);
        UUID patientId = Events.registered(CLINIC, null);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(clinician).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Measures.pain(5, TODAY).toString()).post("/api/v1/patients/" + patientId + "/measures")
                .then().statusCode(201).body("value", equalTo(5)).extract().path("id");
        given().auth().oauth2(clinician).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Measures.pain(5, TODAY).toString()).post("/api/v1/patients/" + patientId + "/measures")
                .then().statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(clinician).get("/api/v1/patients/" + patientId + "/measures")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(first));
    }

    @Test
    void theLocationOfARecordedMeasureReadsItOnlyThroughItsOwnPatient() {
        String clinician = TestTokens.clinician(CLINIC);
        UUID patientId = Events.registered(CLINIC, null);
        String location = Measures.post(clinician, patientId, Measures.pain(6, TODAY)).statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("/api/v1/patients/" + patientId + "/measures/" + id);

        given().auth().oauth2(clinician).get(location).then().statusCode(200)
                .body("id", equalTo(id)).body("value", equalTo(6));
        UUID otherPatient = Events.registered(CLINIC, null);
        given().auth().oauth2(clinician).get("/api/v1/patients/" + otherPatient + "/measures/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clinician("clinic-other")).get(location).then().statusCode(404);
    }

    @Test
    void measuresAreCheckedAgainstTheirType() {
        String clinician = TestTokens.clinician(CLINIC);
        UUID patientId = Events.registered(CLINIC, null);
        Measures.post(clinician, patientId, Measures.pain(4, TODAY.plusDays(30))).statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("effectiveDate"));
        Measures.post(clinician, patientId, Measures.pain(11, TODAY)).statusCode(400)
                .body("violations.field", hasItem("painNrs"));
        ObjectNode sevenSections = Measures.odi(14, TODAY);
        ((ObjectNode) sevenSections.get("odi")).putNull("sexLife").putNull("socialLife").putNull("travelling");
        Measures.post(clinician, patientId, sevenSections).statusCode(422)
                .body("violations.rule", hasItem("ODI-MIN-SECTIONS"));
        ObjectNode nineSections = Measures.odi(16, TODAY);
        ((ObjectNode) nineSections.get("odi")).putNull("travelling");
        Measures.post(clinician, patientId, nineSections).statusCode(201)
                .body("value", equalTo(35.6f)).body("odiRawSum", equalTo(16)).body("odiSectionsAnswered", equalTo(9));
        ObjectNode psfs = new ObjectMapper().createObjectNode()
                .put("type", "PSFS").put("effectiveDate", TODAY.toString());
        psfs.putArray("psfs").addObject().put("activity", "Put on socks").put("score", 4);
        ((ArrayNode) psfs.get("psfs")).addObject().put("activity", "Lift a child")
                .put("score", 5);
        Measures.post(clinician, patientId, psfs).statusCode(201).body("value", equalTo(4.5f));
        Measures.post(clinician, patientId, new ObjectMapper().createObjectNode()
                .put("type", "PSFS").put("effectiveDate", TODAY.toString())).statusCode(422)
                .body("violations.field", hasItem("psfs"));
        ((ArrayNode) psfs.get("psfs")).addObject().put("activity", "put on  SOCKS").put("score", 9);
        Measures.post(clinician, patientId, psfs).statusCode(400)
                .body("violations.field", hasItem("psfs")).body("violations.rule", hasItem("DistinctPsfsActivities"));
    }

    @Test
    void aPatientReachesOnlyTheirOwnRecordAndAnotherClinicNone() {
        String subject = "patient-" + UUID.randomUUID();
        UUID own = Events.registered(CLINIC, subject);
        UUID someoneElse = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        String patient = TestTokens.patient(subject);

        Measures.post(patient, own, Measures.pain(3, TODAY)).statusCode(201).body("recordedRole", equalTo("patient"));
        given().auth().oauth2(patient).get("/api/v1/patients/" + own + "/measures").then().statusCode(200)
                .body("$", hasSize(1));
        given().auth().oauth2(patient).get("/api/v1/patients/" + own + "/progress").then().statusCode(200);
        Measures.post(patient, someoneElse, Measures.pain(3, TODAY)).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(patient).get("/api/v1/patients/" + someoneElse + "/progress").then().statusCode(404);
        given().auth().oauth2(TestTokens.clinician("clinic-other")).get("/api/v1/patients/" + own + "/measures")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/patients/" + own + "/measures").then().statusCode(403);
    }
}
