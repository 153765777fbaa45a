package io.backtrack.outcome.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query values only in their own type: an unknown status or a malformed id is a 400 naming it, not a 404. */
@QuarkusTest
class StrictInputTest {

    @ParameterizedTest(name = "{0}?{1}={2} is a 400 naming the parameter")
    @CsvSource({"escalations, status, FOO", "escalations, status, 1", "escalations, type, 2",
            "escalations, patientId, abc", "reviews, status, FOO", "worklist, size, %2B5", "worklist, page, 01",
            "escalations, status, RECOMMENDED&status=DECLINED", "worklist, size, 5&size=50"})
    void queryValuesAreStrict(String resource, String parameter, String value) {
        given().auth().oauth2(TestTokens.clinician("clinic-outcome-strict")).urlEncodingEnabled(false)
                .when().get("/api/v1/" + resource + "?" + parameter + "=" + value)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter));
    }

    @Test
    void aBodyInAnotherMediaTypeIsA415Problem() {
        given().auth().oauth2(TestTokens.clinician("clinic-outcome-strict")).contentType("text/plain").body("reason")
                .when().post("/api/v1/escalations/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anEmptyBodyDeclaredAsTextIsNoBody() {
        given().auth().oauth2(TestTokens.clinician("clinic-outcome-strict")).contentType("text/plain")
                .when().post("/api/v1/escalations/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
