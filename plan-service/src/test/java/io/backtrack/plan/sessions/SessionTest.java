package io.backtrack.plan.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    private static final String CLINIC = "clinic-sessions";

    private final Pool pool;

    SessionTest(Pool pool) {
        this.pool = pool;
    }

    private static String session(Instant performedAt, String exercises, String extra) {
        return "{\"performedAt\":\"" + performedAt + "\",\"exercisesDone\":[" + exercises + "],"
                + "\"painBefore\":5,\"painAfter\":4,\"effort\":6" + extra + "}";
    }

    private static long auditedReplays(String sessionId) throws SQLException {
        var postgres = RealInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("plan"), postgres.user(), postgres.password());
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM audit_entry WHERE resource_id = ? AND detail = 'idempotent replay'")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static ValidatableResponse log(String token, String planId, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/plans/" + planId + "/sessions").then();
    }

    @Test
    void theLocationOfALoggedSessionReadsItOnlyThroughItsOwnPlan() {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        String location = log(TestTokens.patient(subject), planId, null,
                session(Instant.now().minus(1, ChronoUnit.DAYS), "\"SC-01\"", "")).statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/api/v1/plans/" + planId + "/sessions/" + id);

        given().auth().oauth2(TestTokens.patient(subject)).when().get(location)
                .then().statusCode(200).body("id", equalTo(id)).body("exercisesDone", equalTo(List.of("SC-01")));
        UUID otherPatient = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String otherPlan = PlanFixtures.createPlan(CLINIC, otherPatient, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + otherPlan + "/sessions/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.patient("patient-" + UUID.randomUUID())).when().get(location)
                .then().statusCode(404);
    }

    @Test
    void aRetriedPostReturnsTheFirstSessionAndCountsOnce() throws SQLException {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        String body = session(Instant.now().minus(1, ChronoUnit.DAYS), "\"SC-01\",\"CS-01\"", "");
        String first = log(TestTokens.patient(subject), planId, "phone-retry-1", body).statusCode(201)
                .body("countsForAdherence", equalTo(true))
                .body("planWeek", equalTo(1))
                .extract().path("id");
        log(TestTokens.patient(subject), planId, "phone-retry-1", body).statusCode(200).body("id", equalTo(first));
        assertThat(auditedReplays(first)).as("the replay is an access to patient data, audited like any").isEqualTo(1);
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/plans/" + planId + "/sessions")
                .then().statusCode(200).body("size()", equalTo(1));

        assertThat(PlanTopic.published(pool, patientId, EventType.SESSION_COMPLETED)).singleElement()
                .satisfies(event -> assertThat(new EventSchemas().violations(EventType.SESSION_COMPLETED, event)).isEmpty());
    }

    /** The key is the course's: the phone's retry sent to the version that replaced the plan logs nothing new. */
    @Test
    void aRetryAfterTheRevisionReturnsTheFirstSession() {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        LocalDate start = LocalDate.now().minusDays(3);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(start));
        String body = session(Instant.now().minus(1, ChronoUnit.DAYS), "\"SC-01\",\"CS-01\"", "");
        String first = log(TestTokens.patient(subject), planId, "phone-retry-revised", body).statusCode(201)
                .extract().path("id");
        String revised = given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(start).toString())
                .when().post("/api/v1/plans/" + planId + "/revisions").then().statusCode(201).extract().path("id");

        String location = log(TestTokens.patient(subject), revised, "phone-retry-revised", body).statusCode(200)
                .body("id", equalTo(first)).extract().header("Location");
        given().auth().oauth2(TestTokens.patient(subject)).when().get(location).then().statusCode(200)
                .body("id", equalTo(first));
        log(TestTokens.patient(subject), revised, "phone-retry-revised", body.replace("\"painAfter\":4", "\"painAfter\":3"))
                .statusCode(422).body("violations[0].rule", equalTo("idempotency-key-reused"));
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/plans/" + revised + "/sessions")
                .then().statusCode(200).body("size()", equalTo(0));
        assertThat(PlanTopic.published(pool, patientId, EventType.SESSION_COMPLETED)).hasSize(1);
    }

    @Test
    void underHalfTheExercisesDoesNotCount() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now().minusSeconds(60), "\"SC-01\"", ""))
                .statusCode(201)
                .body("exercisesPrescribed", equalTo(4))
                .body("exercisesCounted", equalTo(1))
                .body("countsForAdherence", equalTo(false));
    }

    @Test
    void aFutureSessionOrAnExerciseOutsideThePlanIsRejected() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now().plus(30, ChronoUnit.DAYS), "\"SC-01\"", ""))
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("performedAt"));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now().minusSeconds(60), "\"PM-09\"", ""))
                .statusCode(422).body("violations[0].field", equalTo("exercisesDone[0]"));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now(), "\"SC-01\"", ",\"painAfter\":11"))
                .statusCode(400);
    }

    @Test
    void aPatientCannotLogOnAnotherPatientsPlan() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, "patient-" + UUID.randomUUID(), List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        log(TestTokens.patient("patient-" + UUID.randomUUID()), planId, null,
                session(Instant.now().minusSeconds(60), "\"SC-01\"", "")).statusCode(404);
    }

    @Test
    void anUrgentSymptomPutsThePlanOnHold() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M51.16"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now().minusSeconds(60), "\"SC-01\",\"CS-01\"",
                ",\"reportedRedFlags\":[\"PROGRESSIVE_MOTOR_WEAKNESS\"],\"motorDeficit\":true"))
                .statusCode(201).body("reportedRedFlags[0]", equalTo("PROGRESSIVE_MOTOR_WEAKNESS"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + planId)
                .then().body("status", equalTo("ON_HOLD")).body("holdViolations[0].ruleId", equalTo("PLAN-RED-FLAG"));
        log(TestTokens.clinician(CLINIC), planId, null, session(Instant.now().minusSeconds(30), "\"SC-01\"", ""))
                .statusCode(409);
    }
}
