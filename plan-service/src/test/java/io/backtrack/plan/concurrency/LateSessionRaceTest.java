package io.backtrack.plan.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.plan.ClockJob;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.plan.clocks.DueClocks;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.MovingClock;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A session performed the day before its review falls due, logged while the review clock fires:
 * whichever commits first, the review's adherence counts the session exactly once, either in its
 * review-due or in one review-adherence-updated, never in neither.
 */
@QuarkusTest
@TestProfile(MovingClock.class)
class LateSessionRaceTest {

    private static final String CLINIC = "clinic-late-race";
    private static final int PLANS_PER_ROUND = 4;

    private final ServiceClock clock;
    private final DueClocks dueClocks;
    private final Pool pool;

    LateSessionRaceTest(ServiceClock clock, DueClocks dueClocks, Pool pool) {
        this.clock = clock;
        this.dueClocks = dueClocks;
        this.pool = pool;
    }

    @Test
    void aLateSessionRacingItsReviewClockIsCountedOnce() {
        long seed = Long.getLong("backtrack.interleavings.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 6; round++) {
            String context = "seed " + seed + ", round " + round;
            LocalDate dayZero = LocalDate.now(clock).minusDays(27);
            List<UUID> patients = new ArrayList<>();
            List<Callable<Integer>> calls = new ArrayList<>();
            Instant performed = clock.instant().minusSeconds(60);
            for (int i = 0; i < PLANS_PER_ROUND; i++) {
                UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
                String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero).put("sessionsPerWeek", 2));
                patients.add(patientId);
                calls.add(() -> logSession(planId, performed));
            }
            calls.add(() -> {
                clock.advance(Duration.ofDays(1));
                return ClockJob.fire(dueClocks);
            });
            Collections.shuffle(calls, random);
            List<Integer> results = StartBarrier.together(calls);
            assertThat(results).as(context).contains(201);

            for (UUID patientId : patients) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reviewFired(patientId));
            }
            List<ConsumerRecord<String, String>> topic = PlanTopic.drained(pool);
            for (UUID patientId : patients) {
                List<Integer> due = counted(topic, patientId, EventType.REVIEW_DUE);
                List<Integer> updated = counted(topic, patientId, EventType.REVIEW_ADHERENCE_UPDATED);
                assertThat(due).as(context).hasSize(1);
                if (due.get(0) == 1) {
                    assertThat(updated).as(context + ": the review-due counted the session").isEmpty();
                } else {
                    assertThat(due.get(0)).as(context).isZero();
                    assertThat(updated).as(context + ": the session came after the review-due").containsExactly(1);
                }
            }
        }
    }


    private static int logSession(String planId, Instant performedAt) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + performedAt + "\",\"exercisesDone\":[\"SG-03\",\"SG-04\"],"
                        + "\"painBefore\":4,\"painAfter\":4}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(201).extract().statusCode();
    }

    private boolean reviewFired(UUID patientId) {
        return count("SELECT count(*) FROM plan_clock c JOIN plan p ON p.id = c.course_id WHERE p.patient_id = $1 "
                + "AND c.kind = 'REVIEW' AND c.fired_at IS NOT NULL", Tuple.of(patientId)) == 1;
    }

    private static List<Integer> counted(List<ConsumerRecord<String, String>> topic, UUID patientId, EventType type) {
        return PlanTopic.of(topic, patientId, type).stream()
                .map(event -> event.path("adherence").path("countedSessions").asInt()).toList();
    }

    private long count(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }
}
