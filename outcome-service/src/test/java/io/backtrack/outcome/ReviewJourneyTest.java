package io.backtrack.outcome;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reviews driven by real patient and plan events on the broker, with measures recorded over REST. */
@QuarkusTest
class ReviewJourneyTest {

    private final Pool pool;

    ReviewJourneyTest(Pool pool) {
        this.pool = pool;
    }

    private static JsonPath progress(String token, UUID patientId) {
        return given().auth().oauth2(token).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAdherentNonResponderWithNonSpecificPainIsRecommendedAPlanRevisionAndASecondOpinion() {
        String clinic = "clinic-journey";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(28)));
        Events.publish(patientId, Events.session(patientId, clinic, planId, 5, 5, List.of()));
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId)
                .getList("reviews.status").equals(List.of("AWAITING_MEASURES")));
        Measures.post(clinician, patientId, Measures.odi(15, TODAY.minusDays(2))).statusCode(201);
        Measures.post(clinician, patientId, Measures.pain(6, TODAY)).statusCode(201);

        JsonPath after = progress(clinician, patientId);
        assertThat(after.getString("reviews[0].status")).isEqualTo("COMPLETED");
        assertThat(after.getString("reviews[0].verdict")).isEqualTo("NON_RESPONDING");
        assertThat(after.getInt("reviews[0].pain.baseline")).isEqualTo(6);
        assertThat(after.getFloat("reviews[0].odi.baseline")).isEqualTo(30.0f);
        assertThat(after.getBoolean("reviews[0].adherence.adherent")).isTrue();
        assertThat(after.getInt("baseline.painNrs")).isEqualTo(6);
        assertThat(after.getList("measures")).hasSize(2);
        assertThat(after.getList("changes.measure")).containsExactly("PAIN_NRS", "ODI");
        assertThat(after.getString("adherence.planId")).isEqualTo(planId.toString());
        assertThat(after.getList("escalations.type")).containsExactlyInAnyOrder("PLAN_REVISION", "SECOND_OPINION");
        assertThat(after.getList("escalations.ruleId")).containsOnly("ESC-NONSPECIFIC-WK4");

        JsonNode recommended = OutcomeTopic.await(patientId, EventType.ESCALATION_RECOMMENDED,
                p -> p.path("type").asText().equals("SECOND_OPINION"));
        assertThat(recommended.path("ruleId").asText()).isEqualTo("ESC-NONSPECIFIC-WK4");
        assertThat(recommended.path("ruleVersion").asText()).isEqualTo("1.3");
        assertThat(recommended.path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(recommended.path("reviewId").asText()).isEqualTo(after.getString("reviews[0].id"));
        assertThat(recommended.path("evidence").path("verdict").asText()).isEqualTo("NON_RESPONDING");
        JsonNode completed = OutcomeTopic.await(patientId, EventType.REVIEW_COMPLETED, p -> true);
        assertThat(completed.path("verdict").asText()).isEqualTo("NON_RESPONDING");
        OutcomeTopic.await(patientId, EventType.MEASURE_RECORDED, p -> p.path("measure").asText().equals("ODI"));
    }

    /**
     * Adherence is plan-service's figure: a review awaiting measures takes the count plan-service
     * publishes for sessions logged late; a completed review keeps the figures it was evaluated with;
     * and a count naming another clinic's review is dead-lettered, not applied.
     */
    @Test
    void aReviewAwaitingMeasuresTakesPlanServicesCountForSessionsLoggedLateAndACompletedOneKeepsItsOwn() {
        String clinic = "clinic-late-sessions";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(28)));
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY, false));
        String late = Events.publish(patientId, adherenceUpdated(patientId, clinic, planId, AdherenceSnapshot.of(9, 12, true)));
        Settled.consumed(pool, late);
        assertThat(progress(clinician, patientId).getInt("reviews[0].adherence.countedSessions")).isEqualTo(9);

        String stranger = Events.publish(patientId, adherenceUpdated(patientId, "clinic-elsewhere", planId,
                AdherenceSnapshot.of(12, 12, true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readToEnd(Topic.PLAN.deadLetterTopicName())
                .stream().anyMatch(r -> stranger.equals(TopicProbe.header(r, "ce_id"))));
        Measures.post(clinician, patientId, Measures.odi(15, TODAY.minusDays(2))).statusCode(201);
        Measures.post(clinician, patientId, Measures.pain(6, TODAY)).statusCode(201);

        JsonPath after = progress(clinician, patientId);
        assertThat(after.getString("reviews[0].status")).isEqualTo("COMPLETED");
        assertThat(after.getInt("reviews[0].adherence.countedSessions")).isEqualTo(9);
        assertThat(after.getInt("reviews[0].adherence.percent")).isEqualTo(75);
        assertThat(after.getBoolean("reviews[0].adherence.adherent")).isTrue();
        assertThat(after.getList("escalations.type")).containsExactlyInAnyOrder("PLAN_REVISION", "SECOND_OPINION");

        Settled.consumed(pool, Events.publish(patientId, adherenceUpdated(patientId, clinic, planId,
                AdherenceSnapshot.of(10, 12, true))));
        assertThat(progress(clinician, patientId).getInt("reviews[0].adherence.countedSessions")).isEqualTo(9);
    }

    private static ReviewAdherenceUpdated adherenceUpdated(UUID patientId, String clinic, UUID planId,
            AdherenceSnapshot adherence) {
        return new ReviewAdherenceUpdated(patientId, clinic, planId, 4, TODAY.minusDays(28), TODAY, UUID.randomUUID(),
                adherence, Instant.now());
    }

    /** A week-4 review-due redelivered after the week-6 one opens its review, but progress keeps week 6's adherence. */
    @Test
    void aReviewDueArrivingAfterALaterOneLeavesTheLaterAdherence() {
        String clinic = "clinic-late-review";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(42)));
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 6, TODAY, false));

        Settled.consumed(pool, Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4,
                TODAY.minusDays(14), true)));
        JsonPath progress = progress(clinician, patientId);
        assertThat(progress.getList("reviews.week")).containsExactlyInAnyOrder(4, 6);
        assertThat(progress.getInt("adherence.countedSessions")).isEqualTo(5);
        assertThat(progress.getBoolean("adherence.adherent")).isFalse();
    }

    /** A producer older than contract 1.3 names the event four-week-review-due; the new one sends both names. */
    @Test
    void aReviewDueUnderEitherNameOpensOneReview() {
        String clinic = "clinic-renamed";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(28)));
        ReviewDue due = Events.reviewDue(patientId, clinic, planId, 4, TODAY, true);
        String deprecated = UUID.randomUUID().toString();
        Events.publishAs(EventType.FOUR_WEEK_REVIEW_DUE, patientId, due, deprecated);
        Settled.consumed(pool, deprecated);
        assertThat(progress(clinician, patientId).getList("reviews.status")).containsExactly("AWAITING_MEASURES");

        Settled.consumed(pool, Events.publish(patientId, due));
        assertThat(progress(clinician, patientId).getList("reviews.week")).containsExactly(4);
    }

    @Test
    void aWeek6RadicularNonResponderGetsImagingAndRaisingItsUrgencyKeepsItsIdStatusAndRule() {
        String clinic = "clinic-week6";
        String clinician = TestTokens.clinician(clinic);
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = Events.registered(clinic, subject);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 7, 20, StartBackRisk.LOW, false, "M51.16"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(42)));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId).get("baseline.painNrs") != null);
        Measures.post(clinician, patientId, Measures.pain(7, TODAY)).statusCode(201);
        Measures.post(TestTokens.patient(subject), patientId, Measures.odi(20, TODAY)).statusCode(201);
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 6, TODAY, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId).getList("escalations").size() == 3);
        JsonPath after = progress(clinician, patientId);
        assertThat(after.getList("escalations.type"))
                .containsExactlyInAnyOrder("IMAGING", "SURGICAL_CONSULT", "INTERVENTIONAL_PAIN");
        assertThat(after.getList("escalations.urgency")).containsOnly("ROUTINE");
        String imaging = after.getString("escalations.find { it.type == 'IMAGING' }.id");
        String reviewId = after.getString("reviews[0].id");
        given().auth().oauth2(TestTokens.patient(subject)).get("/api/v1/reviews/" + reviewId)
                .then().statusCode(200).body("verdict", equalTo("NON_RESPONDING"));
        given().auth().oauth2(TestTokens.patient("patient-" + UUID.randomUUID())).get("/api/v1/reviews/" + reviewId)
                .then().statusCode(404);

        Events.publish(patientId, Events.session(patientId, clinic, planId, 4, 5,
                List.of(RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS)));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId).getList("escalations").size() == 4);
        JsonPath raised = progress(clinician, patientId);
        assertThat(raised.getList("escalations.type")).containsExactlyInAnyOrder("IMAGING", "SURGICAL_CONSULT",
                "INTERVENTIONAL_PAIN", "URGENT_MEDICAL_REFERRAL");
        assertThat(raised.getString("escalations.find { it.type == 'IMAGING' }.urgency")).isEqualTo("URGENT");
        assertThat(raised.getString("escalations.find { it.type == 'IMAGING' }.id")).isEqualTo(imaging);
        assertThat(raised.getString("escalations.find { it.type == 'IMAGING' }.status")).isEqualTo("RECOMMENDED");
        assertThat(raised.getString("escalations.find { it.type == 'IMAGING' }.ruleId")).isEqualTo("ESC-RADICULAR-WK6");
        var raise = pool.preparedQuery("SELECT from_status, to_status, urgency, rule_id FROM escalation_transition "
                + "WHERE escalation_id = $1 AND from_status IS NOT NULL").execute(Tuple.of(UUID.fromString(imaging))).await().indefinitely();
        assertThat(raise).singleElement().satisfies(row -> assertThat(List.of(row.getString(0), row.getString(1),
                row.getString(2), row.getString(3))).containsExactly("RECOMMENDED", "RECOMMENDED", "URGENT",
                "ESC-RED-FLAG-URGENT"));
        assertThat(given().auth().oauth2(clinician).get("/api/v1/patients/" + patientId + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'ESCALATION_UPDATED' }.summary", String.class))
                .contains("IMAGING (URGENT) urgency raised to URGENT by ESC-RED-FLAG-URGENT");
        JsonNode update = OutcomeTopic.await(patientId, EventType.ESCALATION_UPDATED,
                p -> p.path("type").asText().equals("IMAGING"));
        assertThat(update.path("status").asText()).isEqualTo("RECOMMENDED");
        assertThat(update.path("previousStatus").asText()).isEqualTo("RECOMMENDED");
        assertThat(update.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(update.path("ruleId").asText()).isEqualTo("ESC-RED-FLAG-URGENT");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theSameReviewDueTwiceYieldsOneReviewAndOneSetOfEscalations() {
        String clinic = "clinic-redelivery";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(28)));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId).get("baseline.painNrs") != null);
        Measures.post(clinician, patientId, Measures.pain(6, TODAY.minusDays(1))).statusCode(201);
        Measures.post(clinician, patientId, Measures.odi(15, TODAY.minusDays(1))).statusCode(201);

        String ceId = Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY, true));
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY, true), ceId);
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY, true));
        // a later event of the same patient (same partition) marks that the three above were consumed
        Events.publish(patientId, Events.missed(patientId, clinic, planId, 3, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(3)
                .equals(progress(clinician, patientId).get("adherence.lastMissedWeek")));

        JsonPath after = progress(clinician, patientId);
        assertThat(after.getList("reviews")).hasSize(1);
        assertThat(after.getList("escalations.type")).containsExactlyInAnyOrder("PLAN_REVISION", "SECOND_OPINION");
        assertThat(OutcomeTopic.all(patientId, EventType.REVIEW_COMPLETED, 1)).hasSize(1);
        assertThat(OutcomeTopic.all(patientId, EventType.ESCALATION_RECOMMENDED, 2)).hasSize(2);
    }

    @Test
    void aReviewWithoutMeasuresByDuePlusSevenDaysIsOverdueWithoutAVerdict() {
        String clinic = "clinic-overdue";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        UUID planId = Events.activePlan(patientId, clinic, TODAY.minusDays(36));
        Events.publish(patientId, Events.reviewDue(patientId, clinic, planId, 4, TODAY.minusDays(8), true));

        await().atMost(Duration.ofSeconds(30)).until(() -> progress(clinician, patientId)
                .getList("reviews.status").equals(List.of("OVERDUE")));
        String reviewId = progress(clinician, patientId).getString("reviews[0].id");
        given().auth().oauth2(clinician).queryParam("status", "OVERDUE").get("/api/v1/reviews")
                .then().statusCode(200).body("findAll { it.id == '" + reviewId + "' }", hasSize(1));
        given().auth().oauth2(clinician).get("/api/v1/reviews/" + reviewId)
                .then().statusCode(200).body("status", equalTo("OVERDUE")).body("verdict", nullValue())
                .body("baseline.painNrs", equalTo(6)).body("baseline.odiRawSum", equalTo(15));
        UUID otherPatient = Events.registered(clinic, null);
        Events.publish(otherPatient, Events.intake(otherPatient, clinic, 5, 12, StartBackRisk.LOW, false, "M54.50"));
        Events.publish(otherPatient, Events.reviewDue(otherPatient, clinic,
                Events.activePlan(otherPatient, clinic, TODAY.minusDays(28)), 4, TODAY, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(clinician).get("/api/v1/reviews")
                .then().extract().jsonPath().getList("patientId").contains(otherPatient.toString()));
        given().auth().oauth2(clinician).queryParam("patientId", patientId.toString()).get("/api/v1/reviews")
                .then().statusCode(200).body("id", contains(reviewId)).body("[0].baseline.painNrs", equalTo(6));
        given().auth().oauth2(TestTokens.clinician("clinic-elsewhere")).get("/api/v1/reviews/" + reviewId)
                .then().statusCode(404);
        JsonNode completed = OutcomeTopic.await(patientId, EventType.REVIEW_COMPLETED, p -> true);
        assertThat(completed.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(completed.path("verdict").isNull()).isTrue();
        // a measure arriving later does not reopen it
        Measures.post(clinician, patientId, Measures.pain(3, TODAY)).statusCode(201);
        given().auth().oauth2(clinician).get("/api/v1/reviews/" + reviewId).then().body("status", equalTo("OVERDUE"));
        given().auth().oauth2(clinician).queryParam("clinicId", "clinic-elsewhere").get("/api/v1/reviews")
                .then().statusCode(403);
        given().auth().oauth2(clinician).get("/api/v1/escalations?patientId=" + patientId)
                .then().statusCode(200).body("$", hasSize(0));
    }
}
