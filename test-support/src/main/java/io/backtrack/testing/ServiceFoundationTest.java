package io.backtrack.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every BackTrack service must offer from day one, run against each service with its real
 * PostgreSQL, real broker and real signed tokens. A service's test class extends it and is a
 * {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationTest {

    @Test
    void readinessReflectsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.name", hasItem("event-broker"));
    }

    @Test
    void exposesOutboxMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("backtrack_outbox_backlog"))
                .body(containsString("backtrack_outbox_oldest_age_seconds"));
    }

    @Test
    void publishesOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", notNullValue());
    }

    @Test
    void unknownRouteIsProblemDetail() {
        given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/no-such-route")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().when().get("/api/v1/admin/clock")
                .then().statusCode(401);
    }

    @Test
    void aTokenForAnotherApplicationIsUnauthorized() {
        String otherClient = TestTokens.forAudience("another-app", "admin", Set.of("admin"), Map.of());
        given().auth().oauth2(otherClient).when().get("/api/v1/admin/clock")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/admin/clock")
                .then().statusCode(200);
    }

    @Test
    void clockIsAdminOnly() {
        given().auth().oauth2(TestTokens.clinician("clinic-a"))
                .when().get("/api/v1/admin/clock")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void adminAdvancesTheControllableClock() {
        String before = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/admin/clock")
                .then().statusCode(200)
                .body("controllable", equalTo(true))
                .extract().path("now");
        String after = given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON).body("{\"days\": 3}")
                .when().post("/api/v1/admin/clock/advance")
                .then().statusCode(200)
                .extract().path("now");
        assertThat(Instant.parse(after)).isAfterOrEqualTo(Instant.parse(before).plus(Duration.ofDays(3)));
    }

    @Test
    void theClockNeverMovesBackwards() {
        String now = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/admin/clock")
                .then().statusCode(200).extract().path("now");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"instant\":\"" + Instant.parse(now).minus(Duration.ofDays(1)) + "\"}")
                .when().put("/api/v1/admin/clock")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("clock-moves-forward"));
    }

    @Test
    void theClockIsNotMovedCenturiesAhead() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON).body("{\"days\": 2147483647}")
                .when().post("/api/v1/admin/clock/advance")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("days"))
                .body("violations[0].rule", equalTo("Max"));
    }

    /** The body is declared, not sent: the answer must come from the length alone, before any body is read. */
    @Test
    void aBodyDeclaredTooLargeIsAProblem() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/admin/clock/advance HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.admin() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 20000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = answerOf(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
        }
    }

    /** The status line, the headers and a body of the declared length, without waiting for the connection to close. */
    private static String answerOf(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return head.toString();
            }
            head.append((char) next);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        return head + (length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))),
                StandardCharsets.UTF_8) : "");
    }

    @Test
    void malformedJsonIsBadRequest() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON).body("{\"days\": ")
                .when().post("/api/v1/admin/clock/advance")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("json"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON).body("{\"days\": \"three\"}")
                .when().post("/api/v1/admin/clock/advance")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("days"));
    }

    @Test
    void constraintViolationNamesTheField() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON).body("{\"days\": -1}")
                .when().post("/api/v1/admin/clock/advance")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("days"))
                .body("violations[0].rule", equalTo("PositiveOrZero"));
    }

    @Test
    void auditChainIsIntact() {
        given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/admin/audit/verification")
                .then().statusCode(200)
                .body("intact", equalTo(true));
    }
}
