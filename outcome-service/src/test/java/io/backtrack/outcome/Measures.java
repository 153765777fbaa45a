package io.backtrack.outcome;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.UUID;

/** Measure requests as a clinic app sends them. */
public final class Measures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Measures() {
    }

    public static ObjectNode pain(int nrs, LocalDate effective) {
        return JSON.createObjectNode().put("type", "PAIN_NRS").put("effectiveDate", effective.toString()).put("painNrs", nrs);
    }

    /** An ODI with every section answered, summing to {@code rawSum} (0–50). */
    public static ObjectNode odi(int rawSum, LocalDate effective) {
        ObjectNode body = JSON.createObjectNode().put("type", "ODI").put("effectiveDate", effective.toString());
        ObjectNode odi = body.putObject("odi");
        String[] sections = {"painIntensity", "personalCare", "lifting", "walking", "sitting", "standing", "sleeping",
                "sexLife", "socialLife", "travelling"};
        int left = rawSum;
        for (String section : sections) {
            int score = Math.min(5, left);
            odi.put(section, score);
            left -= score;
        }
        return body;
    }

    public static ValidatableResponse post(String token, UUID patientId, ObjectNode body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/patients/" + patientId + "/measures").then();
    }
}
