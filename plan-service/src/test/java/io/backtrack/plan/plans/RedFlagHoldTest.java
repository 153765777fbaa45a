package io.backtrack.plan.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedFlagHoldTest {

    private static final String CLINIC = "clinic-red-flags";

    private final Pool pool;

    RedFlagHoldTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void clearingIsNotResumingAndResumingNeedsNoBlockingFlagOpen() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));

        UUID flagId = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(plan(planId).extract().path("status")));

        assertThat(PlanTopic.published(pool, patientId, EventType.PLAN_STATUS_CHANGED)).singleElement()
                .satisfies(event -> {
                    assertThat(event.path("to").asText()).isEqualTo("ON_HOLD");
                    assertThat(event.path("reason").asText()).isEqualTo("RED_FLAG_RAISED");
                });

        resume(planId).statusCode(422).body("violations[0].rule", equalTo("PLAN-RED-FLAG"));
        String cleared = PatientEventsFixture.clearRedFlag(patientId, CLINIC, flagId, RedFlagCode.MALIGNANCY_RISK);
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = $1").execute(Tuple.of(cleared))
                .await().indefinitely().iterator().next().getLong(0) == 1);
        plan(planId).body("status", equalTo("ON_HOLD"));
        resume(planId).statusCode(200);
        plan(planId).body("status", equalTo("ACTIVE"));
    }

    /** COMPLETED → MAINTENANCE puts a plan back in use: it is checked as a resume is, not waved through. */
    @Test
    void aCompletedPlanIsNotTakenUpAgainWhileABlockingFlagIsOpen() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        UUID flagId = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.SADDLE_NUMBNESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(plan(planId).extract().path("status")));

        status(planId, "COMPLETED").statusCode(200);
        status(planId, "MAINTENANCE").statusCode(422).body("violations[0].rule", equalTo("PLAN-RED-FLAG"));
        plan(planId).body("status", equalTo("COMPLETED"));

        PatientEventsFixture.clearRedFlag(patientId, CLINIC, flagId, RedFlagCode.SADDLE_NUMBNESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(planId, "MAINTENANCE").extract().statusCode() == 200);
    }

    @Test
    void aRedFlagHoldsAMaintenancePlanAndItsSessionsAreRefused() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        status(planId, "MAINTENANCE").statusCode(200);

        PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK);

        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(plan(planId).extract().path("status")));
        plan(planId).body("holdViolations[0].ruleId", equalTo("PLAN-RED-FLAG"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                        + "\"painBefore\":3,\"painAfter\":3}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(409);
    }

    /** Open from the session's own transaction: no resume passes before patient-service has raised the flag. */
    @Test
    void aRedFlagReportedInASessionBlocksAResumeUntilItIsRaisedAndCleared() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        String sessionId = reportSaddleNumbness(planId);
        plan(planId).body("status", equalTo("ON_HOLD"));

        resume(planId).statusCode(422).body("violations[0].rule", equalTo("PLAN-RED-FLAG"));
        clinicalProfile(patientId).body("openRedFlags.sessionId", contains(sessionId))
                .body("openRedFlags[0].urgency", nullValue());

        UUID flagId = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, UUID.randomUUID(), RedFlagCode.SADDLE_NUMBNESS,
                UUID.fromString(sessionId));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(flagId.toString())
                .equals(clinicalProfile(patientId).extract().path("openRedFlags.flagId")));
        resume(planId).statusCode(422);
        PatientEventsFixture.clearRedFlag(patientId, CLINIC, flagId, RedFlagCode.SADDLE_NUMBNESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> resume(planId).extract().statusCode() == 200);
    }

    /**
     * Only the flag that names the session answers its report: another flag of the kind, raised and
     * cleared meanwhile, leaves it open; the open flag patient-service folded the report into settles it.
     */
    @Test
    void onlyTheFlagNamingTheSessionSettlesItsReport() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        UUID sessionId = UUID.fromString(reportSaddleNumbness(planId));

        UUID other = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.SADDLE_NUMBNESS);
        String otherCleared = PatientEventsFixture.clearRedFlag(patientId, CLINIC, other, RedFlagCode.SADDLE_NUMBNESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = $1").execute(Tuple.of(otherCleared))
                .await().indefinitely().iterator().next().getLong(0) == 1);
        resume(planId).statusCode(422);

        UUID folded = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, UUID.randomUUID(), RedFlagCode.SADDLE_NUMBNESS,
                sessionId);
        PatientEventsFixture.clearRedFlag(patientId, CLINIC, folded, RedFlagCode.SADDLE_NUMBNESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> resume(planId).extract().statusCode() == 200);
    }

    private static String reportSaddleNumbness(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                        + "\"painBefore\":3,\"painAfter\":3,\"reportedRedFlags\":[\"SADDLE_NUMBNESS\"]}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse clinicalProfile(UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .when().get("/api/v1/patients/" + patientId + "/clinical-profile").then().statusCode(200);
    }

    private static ValidatableResponse status(String planId, String status) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\",\"reason\":\"test\"}")
                .when().post("/api/v1/plans/" + planId + "/status").then();
    }

    private static ValidatableResponse plan(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + planId).then();
    }

    private static ValidatableResponse resume(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"ACTIVE\",\"reason\":\"Red flag cleared after GP review\"}")
                .when().post("/api/v1/plans/" + planId + "/status").then();
    }
}
