package io.backtrack.plan.clocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** outcome-service's verdicts are input too: one plan-service cannot use or trust is dead-lettered, not applied. */
@QuarkusTest
class UntrustedVerdictsTest {

    private static final String CLINIC = "clinic-untrusted-verdicts";

    /**
     * The schema gives a week a minimum only; a week beyond an int fits no record. Retried, it held back
     * every later verdict, and plan-service's readiness went down for good.
     */
    @Test
    void aVerdictThatFitsNoRecordIsDeadLetteredAndTheNextOneIsApplied() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(30)));
        ObjectNode beyondAnInt = EventJson.mapper().valueToTree(verdict(patientId, UUID.fromString(planId)));
        beyondAnInt.put("week", 3_000_000_000L);
        PatientEventsFixture.publish(patientId, EventType.REVIEW_COMPLETED, beyondAnInt.toString());
        PatientEventsFixture.publish(patientId, verdict(patientId, UUID.fromString(planId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> reviewWeeks(planId).equals(List.of(4, 6)));
        assertThat(deadLettered(patientId, "does not fit ReviewCompleted")).isTrue();
    }

    @Test
    void aVerdictAboutAnotherPatientsPlanSchedulesNoReview() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(30)));
        UUID stranger = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        PatientEventsFixture.publish(stranger, verdict(stranger, UUID.fromString(planId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(stranger, "disagrees with what this service knows"));
        assertThat(reviewWeeks(planId)).containsExactly(4);
    }

    @Test
    void aVerdictAboutAReviewThatHasNotFallenDueSchedulesNoReview() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(10)));
        PatientEventsFixture.publish(patientId, verdict(patientId, UUID.fromString(planId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(patientId, "falls due on"));
        assertThat(reviewWeeks(planId)).containsExactly(4);
    }

    /** A week without a review, a plan this service does not have, a week-6 review no verdict called for. */
    @Test
    void aVerdictAboutAReviewNeverScheduledHereIsDeadLettered() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        UUID planId = UUID.fromString(PlanFixtures.createPlan(CLINIC, patientId,
                PlanFixtures.plan(LocalDate.now().minusDays(50))));
        PatientEventsFixture.publish(patientId, verdict(patientId, planId, 5));
        PatientEventsFixture.publish(patientId, verdict(patientId, UUID.randomUUID(), 4));
        PatientEventsFixture.publish(patientId, verdict(patientId, planId, 6));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(patientId, "week 5 has no review")
                && deadLettered(patientId, "is not a plan of this service")
                && deadLettered(patientId, "no week-6 review of plan " + planId + " was scheduled here"));
        assertThat(reviewWeeks(planId.toString())).containsExactly(4);
    }

    private static ReviewCompleted verdict(UUID patientId, UUID planId) {
        return verdict(patientId, planId, 4);
    }

    private static ReviewCompleted verdict(UUID patientId, UUID planId, int week) {
        return new ReviewCompleted(patientId, CLINIC, UUID.randomUUID(), planId, week, LocalDate.now().minusDays(2),
                ReviewStatus.COMPLETED, ReviewVerdict.NON_RESPONDING, null, null, AdherenceSnapshot.of(10, 12, true),
                Instant.now());
    }

    private static List<Integer> reviewWeeks(String planId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/plans/" + planId + "/reviews")
                .then().statusCode(200).extract().jsonPath().getList("week", Integer.class);
    }

    private static boolean deadLettered(UUID patientId, String reason) {
        return TopicProbe.readToEnd(Topic.OUTCOME.deadLetterTopicName()).stream()
                .anyMatch(r -> patientId.toString().equals(r.key())
                        && TopicProbe.header(r, "dead-letter-reason").contains(reason));
    }
}
