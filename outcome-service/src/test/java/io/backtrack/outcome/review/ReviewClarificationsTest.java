package io.backtrack.outcome.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.patient.IntakeBaseline;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.outcome.Events;
import io.backtrack.outcome.Measures;
import io.backtrack.outcome.Settled;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.MovingClock;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The §7 clarifications on measures and reviews (docs/clinical-rules.md), with the service clock moved forward. */
@QuarkusTest
@TestProfile(MovingClock.class)
class ReviewClarificationsTest {

    private static final String CLINIC = "clinic-review-clarifications";
    private static final String CLINICIAN = TestTokens.clinician(CLINIC);

    private final ServiceClock clock;
    private final OverdueReviews overdue;
    private final Pool pool;

    ReviewClarificationsTest(ServiceClock clock, OverdueReviews overdue, Pool pool) {
        this.clock = clock;
        this.overdue = overdue;
        this.pool = pool;
    }

    @Test
    void nrsAndOdiArePickedIndependentlyPerType() {
        LocalDate due = today().minusDays(5);
        UUID patientId = withIntake("M54.50", 6, 15);
        Measures.post(CLINICIAN, patientId, Measures.pain(6, due.minusDays(3))).statusCode(201);
        Measures.post(CLINICIAN, patientId, Measures.pain(2, due.plusDays(1))).statusCode(201);
        Measures.post(CLINICIAN, patientId, Measures.odi(10, due.plusDays(2))).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, CLINIC,
                Events.activePlan(patientId, CLINIC, due.minusDays(28)), 4, due, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("reviews.status")
                .equals(List.of("COMPLETED")));
        JsonPath review = progress(patientId);
        assertThat(review.getFloat("reviews[0].pain.current")).as("the latest NRS on or before the due day")
                .isEqualTo(6.0f);
        assertThat(review.getFloat("reviews[0].odi.current")).as("no ODI before the due day: the first after it")
                .isEqualTo(20.0f);
        assertThat(review.getString("reviews[0].verdict")).isEqualTo("PARTIAL");
    }

    @Test
    void aReviewStillMissingOneTypeAtDuePlusSevenIsOverdue() {
        LocalDate due = today().minusDays(7);
        UUID patientId = withIntake("M54.50", 6, 15);
        Measures.post(CLINICIAN, patientId, Measures.pain(4, due)).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, CLINIC,
                Events.activePlan(patientId, CLINIC, due.minusDays(28)), 4, due, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("reviews.status")
                .equals(List.of("AWAITING_MEASURES")));

        sweep();
        assertThat(progress(patientId).getList("reviews.status")).as("on due + 7 an ODI may still come")
                .containsExactly("AWAITING_MEASURES");

        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(progress(patientId).getList("reviews.status")).containsExactly("OVERDUE");
        assertThat(Settled.published(pool, patientId, EventType.REVIEW_COMPLETED)).singleElement()
                .satisfies(event -> assertThat(event.path("status").asText()).isEqualTo("OVERDUE"));
    }

    @Test
    void aMotorDeficitReportedAfterTheWeek6ReviewDoesNotReopenIt() {
        LocalDate due = today();
        UUID planId = UUID.randomUUID();
        UUID patientId = withIntake("M51.16", 7, 15);
        Events.publish(patientId, Events.activated(patientId, CLINIC, planId, due.minusDays(42)));
        Measures.post(CLINICIAN, patientId, Measures.pain(7, due)).statusCode(201);
        Measures.post(CLINICIAN, patientId, Measures.odi(15, due)).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, CLINIC, planId, 6, due, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("escalations").size() == 2);
        JsonPath before = progress(patientId);
        assertThat(before.getList("escalations.type")).containsExactlyInAnyOrder("IMAGING", "INTERVENTIONAL_PAIN");

        String ceId = Events.publish(patientId, new SessionCompleted(patientId, CLINIC, planId, UUID.randomUUID(),
                clock.instant().minusSeconds(60), 7, 5, 5, true, 5, 5, 5, List.of(), List.of(), true, clock.instant()));
        Settled.consumed(pool, ceId);

        JsonPath after = progress(patientId);
        assertThat(after.getList("escalations.type")).as("no surgical consult from a deficit after the review")
                .containsExactlyInAnyOrder("IMAGING", "INTERVENTIONAL_PAIN");
        assertThat(after.getString("reviews[0].completedAt")).isEqualTo(before.getString("reviews[0].completedAt"));
        List<JsonNode> completed = Settled.published(pool, patientId, EventType.REVIEW_COMPLETED);
        assertThat(completed).singleElement()
                .satisfies(event -> assertThat(event.path("verdict").asText()).isEqualTo("NON_RESPONDING"));
    }

    /** The review compares against the intake the course started from, not a re-assessment during it. */
    @Test
    void aReassessmentIntakeDuringTheCourseIsNotItsBaseline() {
        LocalDate due = today();
        LocalDate start = due.minusDays(28);
        UUID planId = UUID.randomUUID();
        UUID patientId = Events.registered(CLINIC, null);
        IntakeCompleted first = Events.intake(patientId, CLINIC, start, baseline(4, 10), StartBackRisk.LOW, false, "M54.50");
        Events.publish(patientId, first);
        Events.publish(patientId, Events.activated(patientId, CLINIC, planId, start));
        String reassessment = Events.publish(patientId, Events.intake(patientId, CLINIC, due.minusDays(2), baseline(7, 20),
                StartBackRisk.LOW, false, "M54.50"));
        Settled.consumed(pool, reassessment);
        Measures.post(CLINICIAN, patientId, Measures.pain(7, due)).statusCode(201);
        Measures.post(CLINICIAN, patientId, Measures.odi(20, due)).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, CLINIC, planId, 4, due, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("reviews.status")
                .equals(List.of("COMPLETED")));
        JsonPath progress = progress(patientId);
        assertThat(progress.getString("reviews[0].baseline.intakeId")).isEqualTo(first.intakeId().toString());
        assertThat(progress.getString("reviews[0].verdict")).as("pain 4 → 7 and ODI 20 → 40 % over the course")
                .isEqualTo("WORSENING");
        assertThat(progress.getList("escalations.type")).containsExactly("SECOND_OPINION");
        assertThat(progress.getString("escalations[0].urgency")).isEqualTo("URGENT");
    }

    /** SURGICAL_CONSULT reads the ODI measured at the review, even when the intake had too few sections for one. */
    @Test
    void withoutAnIntakeOdiTheOdiMeasuredAtWeek6StillCounts() {
        LocalDate due = today();
        UUID planId = UUID.randomUUID();
        UUID patientId = Events.registered(CLINIC, null);
        Events.publish(patientId, Events.intake(patientId, CLINIC, due.minusDays(43),
                new IntakeBaseline(7, null, null, 7, "ODI-MIN-SECTIONS", null), StartBackRisk.LOW, false, "M51.16"));
        Events.publish(patientId, Events.activated(patientId, CLINIC, planId, due.minusDays(42)));
        Measures.post(CLINICIAN, patientId, Measures.pain(7, due)).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, CLINIC, planId, 6, due, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("reviews.status")
                .equals(List.of("AWAITING_MEASURES")));

        Measures.post(CLINICIAN, patientId, Measures.odi(30, due)).statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).getList("reviews.status")
                .equals(List.of("COMPLETED")));
        JsonPath progress = progress(patientId);
        assertThat(progress.getString("reviews[0].odiMeasureId")).isNotNull();
        assertThat(progress.getList("escalations.type")).as("ODI 60 % at week 6")
                .containsExactlyInAnyOrder("IMAGING", "SURGICAL_CONSULT", "INTERVENTIONAL_PAIN");
    }

    /** Baseline pain, and an ODI of ten sections summing to {@code odiRawSum}. */
    private static IntakeBaseline baseline(int painNrs, int odiRawSum) {
        return new IntakeBaseline(painNrs, BigDecimal.valueOf(odiRawSum * 2L).setScale(1), odiRawSum, 10, null, null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A registered patient whose intake (baseline NRS, ODI raw sum of ten sections, one condition) is applied. */
    private UUID withIntake(String condition, int painNrs, int odiRawSum) {
        UUID patientId = Events.registered(CLINIC, null);
        Events.publish(patientId, Events.intake(patientId, CLINIC, painNrs, odiRawSum, StartBackRisk.LOW, false,
                condition));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(patientId).get("baseline.painNrs") != null);
        return patientId;
    }

    private static JsonPath progress(UUID patientId) {
        return given().auth().oauth2(CLINICIAN).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    private void sweep() {
        try {
            VertxContextSupport.subscribeAndAwait(overdue::sweep);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
