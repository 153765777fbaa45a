package io.backtrack.plan.clocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventType;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.MovingClock;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clock job fires a batch of clocks with one statement per kind of row (DueClocks): each clock
 * due at the same moment must still fire on its own course's version, with its own course's adherence.
 */
@QuarkusTest
@TestProfile(MovingClock.class)
class ClockBatchTest {

    private static final String CLINIC = "clinic-clock-batch";

    private final ServiceClock clock;
    private final Pool pool;

    ClockBatchTest(ServiceClock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
    }

    @Test
    void clocksDueTogetherFireEachOnItsOwnCourse() {
        LocalDate dayZero = LocalDate.now(clock).minusDays(8);
        UUID kept = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        UUID missed = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        UUID held = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String keptPlan = PlanFixtures.createPlan(CLINIC, kept, threeAWeek(dayZero));
        String missedPlan = PlanFixtures.createPlan(CLINIC, missed, threeAWeek(dayZero));
        String heldPlan = PlanFixtures.createPlan(CLINIC, held, threeAWeek(dayZero));
        logOn(keptPlan, dayZero.plusDays(1));
        logOn(keptPlan, dayZero.plusDays(3));
        logOn(missedPlan, dayZero.plusDays(2));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"ON_HOLD\",\"reason\":\"batch test\"}")
                .when().post("/api/v1/plans/" + heldPlan + "/status").then().statusCode(200);

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> firedOn(keptPlan) != null && firedOn(missedPlan) != null);

        assertThat(firedOn(keptPlan)).isEqualTo(keptPlan);
        assertThat(firedOn(missedPlan)).isEqualTo(missedPlan);
        assertThat(firedOn(heldPlan)).as("a plan on hold waits").isNull();
        assertThat(PlanTopic.published(pool, kept, EventType.ADHERENCE_MISSED)).as("two of three sessions").isEmpty();
        assertThat(PlanTopic.published(pool, held, EventType.ADHERENCE_MISSED)).isEmpty();
        List<JsonNode> missedWeeks = PlanTopic.published(pool, missed, EventType.ADHERENCE_MISSED);
        assertThat(missedWeeks).singleElement().satisfies(event -> {
            assertThat(event.path("patientId").asText()).isEqualTo(missed.toString());
            assertThat(event.path("planId").asText()).isEqualTo(missedPlan);
            assertThat(event.path("clinicId").asText()).isEqualTo(CLINIC);
            assertThat(event.path("week").asInt()).isEqualTo(1);
            assertThat(event.path("expectedSessions").asInt()).isEqualTo(3);
            assertThat(event.path("completedSessions").asInt()).isEqualTo(1);
            assertThat(event.path("consecutiveMissedWeeks").asInt()).isEqualTo(1);
        });
    }

    private static ObjectNode threeAWeek(LocalDate dayZero) {
        return PlanFixtures.plan(dayZero).put("sessionsPerWeek", 3);
    }

    private static void logOn(String planId, LocalDate day) {
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + day.atTime(12, 0).toInstant(ZoneOffset.UTC)
                        + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],\"painBefore\":4,\"painAfter\":4,\"effort\":5}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(201);
    }

    /** The plan version the course's week-1 check fired on, or null while it has not fired. */
    private String firedOn(String courseId) {
        Row row = pool.preparedQuery("SELECT fired_plan_id FROM plan_clock WHERE course_id = $1 AND kind = 'WEEK_END' "
                + "AND week = 1").execute(Tuple.of(UUID.fromString(courseId))).await().indefinitely().iterator().next();
        UUID fired = row.getUUID(0);
        return fired == null ? null : fired.toString();
    }
}
