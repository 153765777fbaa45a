package io.backtrack.plan.clocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.plan.ClockJob;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewClockTest {

    private static final String CLINIC = "clinic-clocks";

    private final DueClocks dueClocks;
    private final ServiceClock clock;
    private final Pool pool;

    ReviewClockTest(DueClocks dueClocks, ServiceClock clock, Pool pool) {
        this.dueClocks = dueClocks;
        this.clock = clock;
        this.pool = pool;
    }

    /** Waits until at least {@code atLeast} events of the type about the patient are on the topic. */
    private static void awaitEvents(UUID patientId, EventType type, int atLeast) {
        TopicProbe.readAll(Topic.PLAN.topicName(), Duration.ofSeconds(30),
                all -> PlanTopic.of(all, patientId, type).size() >= atLeast);
    }

    private List<JsonNode> published(UUID patientId, EventType type) {
        return PlanTopic.published(pool, patientId, type);
    }

    private long single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aPlanStartedTwentyEightDaysAgoFallsDueOnceEvenWithCompetingJobs() throws Exception {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(28)));

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> ClockJob.fire(dueClocks));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> ClockJob.fire(dueClocks));
        CompletableFuture.allOf(one, two).get();

        List<JsonNode> due = published(patientId, EventType.REVIEW_DUE);
        assertThat(due).singleElement().satisfies(event -> {
            assertThat(event.path("week").asInt()).isEqualTo(4);
            assertThat(event.path("adherence").path("prescribedSessions").asInt()).isEqualTo(12);
            assertThat(event.path("adherence").path("adherent").asBoolean()).isFalse();
            assertThat(new EventSchemas().violations(EventType.REVIEW_DUE, event)).isEmpty();
        });
        assertThat(published(patientId, EventType.FOUR_WEEK_REVIEW_DUE))
                .as("the same event under its deprecated name, during its deprecation window")
                .containsExactlyElementsOf(due);

        assertThat(published(patientId, EventType.ADHERENCE_MISSED)).as("weeks that ended before the plan wait a day")
                .isEmpty();
        clock.advance(Duration.ofDays(1));
        awaitEvents(patientId, EventType.ADHERENCE_MISSED, 4);
        List<JsonNode> missed = published(patientId, EventType.ADHERENCE_MISSED);
        assertThat(missed).extracting(e -> e.path("consecutiveMissedWeeks").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void weekSixFallsDueOnlyAfterAVerdictOtherThanResponding() throws Exception {
        UUID responding = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        UUID notResponding = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String respondingPlan = PlanFixtures.createPlan(CLINIC, responding, PlanFixtures.plan(LocalDate.now().minusDays(42)));
        String notRespondingPlan = PlanFixtures.createPlan(CLINIC, notResponding, PlanFixtures.plan(LocalDate.now().minusDays(42)));
        awaitEvents(responding, EventType.REVIEW_DUE, 1);
        awaitEvents(notResponding, EventType.REVIEW_DUE, 1);

        String respondingVerdict = verdict(responding, respondingPlan, ReviewVerdict.RESPONDING);
        verdict(notResponding, notRespondingPlan, ReviewVerdict.NON_RESPONDING);

        awaitEvents(notResponding, EventType.REVIEW_DUE, 2);
        List<JsonNode> second = published(notResponding, EventType.REVIEW_DUE);
        assertThat(second).extracting(e -> e.path("week").asInt()).containsExactly(4, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> single("SELECT count(*) FROM processed_event "
                + "WHERE event_id = $1", Tuple.of(respondingVerdict)) == 1);
        ClockJob.fire(dueClocks);
        assertThat(published(responding, EventType.REVIEW_DUE)).extracting(e -> e.path("week").asInt())
                .containsExactly(4);
    }

    @Test
    void aWeekSixReviewShowsAsScheduledFromTheVerdictThatCallsForIt() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        LocalDate dayZero = LocalDate.now(clock).minusDays(30);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero));
        assertThat(schedule(planId)).containsExactly("4 " + dayZero.plusDays(28) + " SCHEDULED");

        ClockJob.fire(dueClocks);
        assertThat(schedule(planId)).containsExactly("4 " + dayZero.plusDays(28) + " FALLEN_DUE");
        verdict(patientId, planId, ReviewVerdict.NON_RESPONDING);
        await().atMost(Duration.ofSeconds(30)).until(() -> schedule(planId).size() == 2);
        assertThat(schedule(planId)).containsExactly("4 " + dayZero.plusDays(28) + " FALLEN_DUE",
                "6 " + dayZero.plusDays(42) + " SCHEDULED");
        given().auth().oauth2(TestTokens.clinician("clinic-elsewhere")).get("/api/v1/plans/" + planId + "/reviews")
                .then().statusCode(404);
    }

    private static List<String> schedule(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/plans/" + planId + "/reviews")
                .then().statusCode(200).extract().jsonPath().getList("collect { it.week + ' ' + it.dueOn + ' ' + it.state }");
    }

    /** Publishes outcome-service's verdict and returns its ce_id. */
    private static String verdict(UUID patientId, String planId, ReviewVerdict verdict) {
        return PatientEventsFixture.publish(patientId, new ReviewCompleted(patientId, CLINIC, UUID.randomUUID(),
                UUID.fromString(planId), 4, LocalDate.now().minusDays(14), ReviewStatus.COMPLETED, verdict, null, null,
                AdherenceSnapshot.of(10, 12, true), Instant.now()));
    }

}
