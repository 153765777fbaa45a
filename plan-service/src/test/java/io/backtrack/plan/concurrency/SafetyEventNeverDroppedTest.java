package io.backtrack.plan.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A red flag whose handling fails (here: the database refuses the flag, as a defect or an outage would)
 * is retried, never dead-lettered: the service is not ready meanwhile, and the plan is held once it can be.
 */
@QuarkusTest
class SafetyEventNeverDroppedTest {

    private static final String CLINIC = "clinic-never-dropped";

    @Inject
    Pool pool;

    @Test
    void aFailingRedFlagHandlerStopsTheConsumerAndHoldsThePlanOnceTheFaultIsGone() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        sql("""
                CREATE OR REPLACE FUNCTION refuse_red_flag() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'injected fault: red flags cannot be stored'; END $$ LANGUAGE plpgsql""");
        sql("CREATE TRIGGER refuse_red_flag BEFORE INSERT ON open_red_flag FOR EACH ROW EXECUTE FUNCTION refuse_red_flag()");
        try {
            PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.SADDLE_NUMBNESS);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/ready").then().body(containsString("plan-service.patient-events"))
                    .body(containsString("red-flag-raised"));
            assertThat(planStatus(planId)).isEqualTo("ACTIVE");
        } finally {
            sql("DROP TRIGGER IF EXISTS refuse_red_flag ON open_red_flag");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> "ON_HOLD".equals(planStatus(planId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName()))
                .noneMatch(r -> patientId.toString().equals(r.key()));
    }

    private static String planStatus(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/plans/" + planId)
                .then().statusCode(200).extract().path("status");
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }
}
