package io.backtrack.plan.adherence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventType;
import io.backtrack.plan.ClockJob;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.plan.clocks.DueClocks;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.MovingClock;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The §7 clarifications on holds, revisions and MAINTENANCE (docs/clinical-rules.md), against the
 * service, its database and the broker, with the service clock moved forward day by day.
 */
@QuarkusTest
@TestProfile(MovingClock.class)
class CourseAdherenceTest {

    private static final String CLINIC = "clinic-course";

    private final ServiceClock clock;
    private final DueClocks dueClocks;
    private final Pool pool;

    CourseAdherenceTest(ServiceClock clock, DueClocks dueClocks, Pool pool) {
        this.clock = clock;
        this.dueClocks = dueClocks;
        this.pool = pool;
    }

    @Test
    void aRevisionContinuesTheCourse() {
        LocalDate dayZero = today().minusDays(7);
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String first = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero).put("sessionsPerWeek", 4));
        log(first, noonOf(dayZero, 1), "SC-01", "CS-01").statusCode(201).body("countsForAdherence", equalTo(true));

        ObjectNode next = PlanFixtures.plan(today()).put("sessionsPerWeek", 2);
        PlanFixtures.items((ObjectNode) next.withArray("phases").get(0), "SC-02", "CS-02", "CS-03", "ED-02");
        revise(first, next).statusCode(422)
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].rule", equalTo("revision-keeps-day-0"));
        plan(first).body("status", equalTo("ACTIVE"));

        String second = revise(first, next.put("startDate", dayZero.toString())).statusCode(201)
                .body("startDate", equalTo(dayZero.toString())).extract().path("id");
        assertThat(count("SELECT count(*) FROM plan_clock WHERE course_id = $1", Tuple.of(UUID.fromString(first))))
                .as("the course keeps the first version's six weekly checks and its review").isEqualTo(7);
        assertThat(count("SELECT count(*) FROM plan_clock WHERE course_id = $1", Tuple.of(UUID.fromString(second)))).isZero();
        assertThat(count("SELECT count(*) FROM plan_clock WHERE course_id = $1 AND kind = 'REVIEW' AND due_on = $2",
                Tuple.of(UUID.fromString(first), dayZero.plusDays(28)))).isEqualTo(1);

        // logged late, performed while the first version was in force
        log(second, noonOf(dayZero, 6), "SC-01", "CS-01").statusCode(201).body("countsForAdherence", equalTo(true));
        log(second, noonOf(dayZero, 6), "SC-02").statusCode(422)
                .body("violations[0].field", equalTo("exercisesDone[0]"))
                .body("violations[0].rule", equalTo("planned-exercise"));
        log(second, clock.instant(), "SC-02", "CS-02").statusCode(201).body("countsForAdherence", equalTo(true));

        clock.advance(Duration.ofDays(7));
        awaitFired(first, "WEEK_END", 2);
        adherence(second)
                .body("weeks[0].expected", equalTo(4)).body("weeks[0].completed", equalTo(2))
                .body("weeks[0].missed", equalTo(false))
                .body("weeks[1].expected", equalTo(2)).body("weeks[1].completed", equalTo(1))
                .body("weeks[1].missed", equalTo(false));
        assertThat(published(patientId, EventType.ADHERENCE_MISSED)).isEmpty();

        clock.advance(Duration.ofDays(14));
        awaitFired(first, "REVIEW", 1);
        JsonNode due = single(published(patientId, EventType.REVIEW_DUE));
        assertThat(due.path("planId").asText()).isEqualTo(second);
        assertThat(due.path("planStartDate").asText()).isEqualTo(dayZero.toString());
        assertThat(due.path("dueDate").asText()).isEqualTo(dayZero.plusDays(28).toString());
        assertThat(due.path("adherence").path("prescribedSessions").asInt()).as("4 + 2 + 2 + 2").isEqualTo(10);
        assertThat(due.path("adherence").path("countedSessions").asInt()).isEqualTo(3);
        awaitFired(first, "WEEK_END", 4);
        assertThat(published(patientId, EventType.ADHERENCE_MISSED))
                .extracting(e -> e.path("week").asInt() + "/" + e.path("expectedSessions").asInt() + "/"
                        + e.path("consecutiveMissedWeeks").asInt() + "/" + e.path("planId").asText())
                .containsExactly("3/2/1/" + second, "4/2/2/" + second);
        adherence(second).body("missedWeeks.collect { it.week + '/' + it.expected + '/' + it.consecutive }",
                contains("3/2/1", "4/2/2"));
    }

    @Test
    void heldWeeksAreNeitherPrescribedNorCheckedAndAReviewDueInAHoldIsEmittedOnResume() {
        LocalDate dayZero = today().minusDays(21);
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero).put("sessionsPerWeek", 2));
        status(planId, "ON_HOLD").statusCode(200);
        log(planId, clock.instant(), "SC-01", "CS-01").statusCode(409);

        clock.advance(Duration.ofDays(8));
        ClockJob.fire(dueClocks);
        assertThat(count("SELECT count(*) FROM plan_clock WHERE course_id = $1 AND fired_at IS NOT NULL",
                Tuple.of(UUID.fromString(planId)))).as("a plan on hold fires no clock").isZero();
        assertThat(published(patientId, EventType.REVIEW_DUE)).isEmpty();
        assertThat(published(patientId, EventType.ADHERENCE_MISSED)).isEmpty();

        status(planId, "ACTIVE").statusCode(200);
        awaitFired(planId, "REVIEW", 1);
        awaitFired(planId, "WEEK_END", 4);
        JsonNode due = single(published(patientId, EventType.REVIEW_DUE));
        assertThat(due.path("dueDate").asText()).as("due days do not move").isEqualTo(dayZero.plusDays(28).toString());
        assertThat(due.path("adherence").path("prescribedSessions").asInt()).as("weeks 1-3, week 4 was held")
                .isEqualTo(6);
        assertThat(published(patientId, EventType.ADHERENCE_MISSED))
                .extracting(e -> e.path("week").asInt() + "/" + e.path("consecutiveMissedWeeks").asInt())
                .containsExactly("1/1", "2/2", "3/3");
        adherence(planId).body("weeks[3].onHold", equalTo(true)).body("weeks[3].expected", equalTo(0))
                .body("missedWeeks.collect { it.week + '/' + it.consecutive }", contains("1/1", "2/2", "3/3"));
    }

    /**
     * Clinical rules §3: adherence at a review counts sessions performed before the due day, also those
     * logged after it fell due. Such a session makes plan-service count the review again and publish
     * it; a session on or after the due day, or one that does not count, changes nothing.
     */
    @Test
    void aCountedSessionPerformedBeforeADueReviewButLoggedLaterIsCountedForThatReviewAgain() {
        LocalDate dayZero = today().minusDays(21);
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero).put("sessionsPerWeek", 2));
        log(planId, noonOf(dayZero, 1), "SC-01", "CS-01").statusCode(201).body("countsForAdherence", equalTo(true));

        clock.advance(Duration.ofDays(8));
        awaitFired(planId, "REVIEW", 1);
        JsonNode due = single(published(patientId, EventType.REVIEW_DUE));
        assertThat(due.path("adherence").path("countedSessions").asInt()).isEqualTo(1);
        assertThat(due.path("adherence").path("prescribedSessions").asInt()).isEqualTo(8);

        String late = log(planId, noonOf(dayZero, 27), "SG-03", "SG-04").statusCode(201)
                .body("countsForAdherence", equalTo(true)).extract().path("id");
        log(planId, noonOf(dayZero, 28), "SG-03", "SG-04").statusCode(201).body("countsForAdherence", equalTo(true));
        log(planId, noonOf(dayZero, 20), "SG-03").statusCode(201).body("countsForAdherence", equalTo(false));

        JsonNode updated = single(published(patientId, EventType.REVIEW_ADHERENCE_UPDATED));
        assertThat(updated.path("planId").asText()).isEqualTo(due.path("planId").asText());
        assertThat(updated.path("week").asInt()).isEqualTo(4);
        assertThat(updated.path("dueDate").asText()).isEqualTo(dayZero.plusDays(28).toString());
        assertThat(updated.path("sessionId").asText()).isEqualTo(late);
        assertThat(updated.path("adherence").path("countedSessions").asInt()).isEqualTo(2);
        assertThat(updated.path("adherence").path("prescribedSessions").asInt()).isEqualTo(8);
        assertThat(updated.path("adherence").path("percent").asInt()).isEqualTo(25);
        assertThat(updated.path("adherence").path("adherent").asBoolean()).isFalse();
    }

    @Test
    void maintenanceLogsSessionsWithoutMissedWeekChecksOrReviewsAndCompletedStopsEverything() {
        LocalDate dayZero = today().minusDays(7);
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(dayZero));
        status(planId, "MAINTENANCE").statusCode(200);

        clock.advance(Duration.ofDays(35));
        ClockJob.fire(dueClocks);
        assertThat(published(patientId, EventType.ADHERENCE_MISSED)).isEmpty();
        assertThat(published(patientId, EventType.REVIEW_DUE)).isEmpty();

        log(planId, clock.instant(), "SG-03", "SG-04").statusCode(201);
        String flagged = session(clock.instant(), "SG-03", "SG-04")
                .replace("}", ",\"reportedRedFlags\":[\"SADDLE_NUMBNESS\"]}");
        post(planId, flagged).statusCode(201);
        plan(planId).body("status", equalTo("ON_HOLD")).body("holdViolations[0].ruleId", equalTo("PLAN-RED-FLAG"));
        assertThat(published(patientId, EventType.SESSION_COMPLETED))
                .extracting(e -> e.path("reportedRedFlags").toString())
                .containsExactly("[]", "[\"SADDLE_NUMBNESS\"]");

        status(planId, "COMPLETED").statusCode(200);
        log(planId, clock.instant(), "SG-03", "SG-04").statusCode(409);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Instant noonOf(LocalDate dayZero, int day) {
        return dayZero.plusDays(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String session(Instant performedAt, String... exercises) {
        return "{\"performedAt\":\"" + performedAt + "\",\"exercisesDone\":["
                + Arrays.stream(exercises).map(code -> "\"" + code + "\"").collect(Collectors.joining(","))
                + "],\"painBefore\":4,\"painAfter\":4,\"effort\":5}";
    }

    private static ValidatableResponse log(String planId, Instant performedAt, String... exercises) {
        return post(planId, session(performedAt, exercises));
    }

    private static ValidatableResponse post(String planId, String body) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/" + planId + "/sessions").then();
    }

    private static ValidatableResponse revise(String planId, ObjectNode plan) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(plan.toString())
                .when().post("/api/v1/plans/" + planId + "/revisions").then();
    }

    private static ValidatableResponse status(String planId, String status) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\",\"reason\":\"course test\"}")
                .when().post("/api/v1/plans/" + planId + "/status").then();
    }

    private static ValidatableResponse plan(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + planId)
                .then().statusCode(200);
    }

    private static ValidatableResponse adherence(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + planId + "/adherence")
                .then().statusCode(200);
    }


    /** Waits until at least {@code fired} clocks of the kind fired on the course (the job runs every second). */
    private void awaitFired(String courseId, String kind, int fired) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM plan_clock "
                + "WHERE course_id = $1 AND kind = $2 AND fired_at IS NOT NULL", Tuple.of(UUID.fromString(courseId), kind))
                >= fired);
    }

    private long count(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }

    private List<JsonNode> published(UUID patientId, EventType type) {
        return PlanTopic.published(pool, patientId, type);
    }

    private static JsonNode single(List<JsonNode> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
