package io.backtrack.plan.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

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
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A partner reads one patient's events in the order they happened: on the topic, their times never go
 * back, even when the patient's session, a status change and the clock job firing the end of a missed
 * week (two replicas of it) all write at the same moment. Each clock still fires exactly once.
 */
@QuarkusTest
@TestProfile(MovingClock.class)
class PatientEventOrderTest {

    private static final String CLINIC = "clinic-event-order";
    private static final int PATIENTS_PER_ROUND = 12;

    private final ServiceClock clock;
    private final DueClocks dueClocks;
    private final Pool pool;

    PatientEventOrderTest(ServiceClock clock, DueClocks dueClocks, Pool pool) {
        this.clock = clock;
        this.dueClocks = dueClocks;
        this.pool = pool;
    }

    @Test
    void onePatientsEventsReachTheTopicInTheOrderOfTheirTimes() {
        long seed = Long.getLong("backtrack.interleavings.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 5; round++) {
            String context = "seed " + seed + ", round " + round;
            LocalDate dayZero = LocalDate.now(clock).minusDays(7);
            List<UUID> patients = new ArrayList<>();
            List<UUID> held = new ArrayList<>();
            List<Callable<Integer>> calls = new ArrayList<>();
            Instant secondWeek = dayZero.plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < PATIENTS_PER_ROUND; i++) {
                UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
                String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero));
                patients.add(patientId);
                calls.add(() -> logSession(planId, secondWeek));
                if (random.nextInt(3) == 0) {
                    held.add(patientId);
                    calls.add(() -> putOnHold(planId));
                }
            }
            clock.advance(Duration.ofDays(1));
            calls.add(() -> ClockJob.fire(dueClocks));
            calls.add(() -> ClockJob.fire(dueClocks));
            Collections.shuffle(calls, random);
            StartBarrier.together(calls);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ClockJob.fire(dueClocks);
                return patients.stream().filter(p -> !held.contains(p)).allMatch(this::firstWeekFired);
            });
            List<ConsumerRecord<String, String>> topic = PlanTopic.drained(pool);
            for (UUID patientId : patients) {
                List<Instant> times = topic.stream().filter(r -> patientId.toString().equals(r.key()))
                        .map(r -> Instant.parse(TopicProbe.header(r, "ce_time"))).toList();
                assertThat(times).as(context + ": events of " + patientId).hasSizeGreaterThanOrEqualTo(2).isSorted();
                int missed = PlanTopic.of(topic, patientId, EventType.ADHERENCE_MISSED).size();
                if (held.contains(patientId)) {
                    assertThat(missed).as(context + ": a held plan's week fires at most once").isLessThanOrEqualTo(1);
                } else {
                    assertThat(missed).as(context + ": the missed week fires once").isEqualTo(1);
                }
            }
        }
    }

    /** 201, or 409 once the plan is on hold. */
    private static int logSession(String planId, Instant performedAt) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + performedAt + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],"
                        + "\"painBefore\":4,\"painAfter\":3}")
                .when().post("/api/v1/plans/" + planId + "/sessions")
                .then().statusCode(oneOf(201, 409)).extract().statusCode();
    }

    private static int putOnHold(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"ON_HOLD\",\"reason\":\"Travelling for two weeks\"}")
                .when().post("/api/v1/plans/" + planId + "/status")
                .then().statusCode(200).extract().statusCode();
    }

    private boolean firstWeekFired(UUID patientId) {
        return pool.preparedQuery("""
                        SELECT count(*) FROM plan_clock c JOIN plan p ON p.id = c.course_id
                         WHERE p.patient_id = $1 AND c.kind = 'WEEK_END' AND c.week = 1 AND c.fired_at IS NOT NULL""")
                .execute(Tuple.of(patientId)).await().indefinitely().iterator().next().getLong(0) == 1;
    }
}
