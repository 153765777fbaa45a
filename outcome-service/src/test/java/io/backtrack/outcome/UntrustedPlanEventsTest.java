package io.backtrack.outcome;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.PlanStatusChanged;
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
import org.junit.jupiter.api.Test;

/**
 * plan-service never moves a patient to another clinic, nor a plan to another patient: a plan event
 * that says otherwise of a patient or plan outcome-service knows is refused, and so is one about a plan
 * it was never told of, and a registration
 * that would let one patient's login read another's records.
 */
@QuarkusTest
class UntrustedPlanEventsTest {

    private static final String NORTH = "clinic-north";
    private static final String SOUTH = "clinic-south";

    private final Pool pool;

    UntrustedPlanEventsTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void aSessionNamingAnotherClinicOpensNoEscalationThere() {
        UUID patientId = Events.registered(NORTH, null);
        Events.publish(patientId, Events.session(patientId, SOUTH, UUID.randomUUID(), 3, 3,
                List.of(RedFlagCode.SADDLE_NUMBNESS)));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(Topic.PLAN, patientId));
        given().auth().oauth2(TestTokens.clinician(SOUTH)).queryParam("patientId", patientId.toString())
                .get("/api/v1/escalations").then().statusCode(404);
        assertThat(pool.preparedQuery("SELECT count(*) FROM escalation WHERE patient_id = $1").execute(Tuple.of(patientId))
                .await().indefinitely().iterator().next().getLong(0)).as("in no clinic").isZero();
        assertThat(escalations(NORTH, patientId)).isEmpty();
    }

    @Test
    void aStatusChangeOfAnotherPatientsPlanLeavesThePlanAsItIs() {
        UUID patientId = Events.registered(NORTH, null);
        UUID planId = activePlan(patientId, Events.TODAY);

        UUID stranger = Events.registered(NORTH, null);
        Events.publish(stranger, new PlanStatusChanged(stranger, NORTH, planId, PlanStatus.ACTIVE, PlanStatus.ON_HOLD,
                "forged", Instant.now(), List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(Topic.PLAN, stranger));
        assertThat(planStatus(patientId)).isEqualTo(PlanStatus.ACTIVE.name());
    }

    @Test
    void aVersionSupersedingAnotherPatientsPlanIsRefused() {
        UUID patientId = Events.registered(NORTH, null);
        UUID planId = activePlan(patientId, Events.TODAY);

        UUID stranger = Events.registered(NORTH, null);
        Events.publish(stranger, new PlanActivated(stranger, NORTH, UUID.randomUUID(), 2, planId, Events.TODAY, 3, 6, 1,
                3, List.of(), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(Topic.PLAN, stranger));
        assertThat(planStatus(patientId)).isEqualTo(PlanStatus.ACTIVE.name());
    }

    /** Reviews fall due at weeks 4 and 6 from the course's day 0; a review-due saying otherwise opens none. */
    @Test
    void aReviewDueAtAnotherWeekOrOfAnotherStartOpensNoReview() {
        UUID patientId = Events.registered(NORTH, null);
        UUID planId = activePlan(patientId, Events.TODAY.minusDays(10));

        Events.publish(patientId, Events.reviewDue(patientId, NORTH, planId, 9, Events.TODAY, true));
        Events.publish(patientId, Events.reviewDue(patientId, NORTH, planId, 4, Events.TODAY, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readToEnd(Topic.PLAN.deadLetterTopicName()).stream()
                .filter(r -> patientId.toString().equals(r.key())).count() == 2);
        assertThat(given().auth().oauth2(TestTokens.clinician(NORTH)).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().<List<?>>path("reviews")).isEmpty();
    }

    /**
     * plan-service announces every version of a plan with its plan-activated, on the patient's
     * partition before anything else about it: a flare, a missed week, a review due, a status change or a
     * new version about any other plan is refused, for a patient known here or not.
     */
    @Test
    void eventsAboutAPlanNeverActivatedChangeNothing() {
        UUID patientId = Events.registered(NORTH, null);
        Events.publish(patientId, Events.intake(patientId, NORTH, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        UUID planId = activePlan(patientId, Events.TODAY.minusDays(28));
        UUID never = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();

        Events.publish(patientId, Events.session(patientId, NORTH, never, 2, 9, List.of()));
        Events.publish(patientId, Events.missed(patientId, NORTH, never, 3, 2));
        Events.publish(patientId, Events.reviewDue(patientId, NORTH, never, 4, Events.TODAY, true));
        Events.publish(patientId, new PlanStatusChanged(patientId, NORTH, never, PlanStatus.ACTIVE, PlanStatus.ON_HOLD,
                "forged", Instant.now(), List.of()));
        Events.publish(patientId, new PlanActivated(patientId, NORTH, UUID.randomUUID(), 2, never, Events.TODAY, 3, 6, 1,
                3, List.of(), Instant.now()));
        Events.publish(stranger, Events.session(stranger, NORTH, UUID.randomUUID(), 2, 9, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readToEnd(Topic.PLAN.deadLetterTopicName()).stream()
                .filter(r -> (patientId.toString().equals(r.key()) || stranger.toString().equals(r.key()))
                        && TopicProbe.header(r, "dead-letter-reason").contains("was never activated"))
                .count() == 6);
        assertThat(pool.preparedQuery("SELECT count(*) FROM escalation WHERE patient_id = ANY($1)")
                .execute(Tuple.of(new UUID[] {patientId, stranger})).await().indefinitely().iterator().next().getLong(0))
                .isZero();
        assertThat(given().auth().oauth2(TestTokens.clinician(NORTH)).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().<List<?>>path("reviews")).isEmpty();
        assertThat(planStatus(patientId)).isEqualTo(PlanStatus.ACTIVE.name());
        Events.publish(patientId, Events.reviewDue(patientId, NORTH, planId, 4, Events.TODAY, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.clinician(NORTH))
                .get("/api/v1/patients/" + patientId + "/progress").then().extract().<List<?>>path("reviews").size() == 1);
    }

    @Test
    void aRegistrationGivingALoginAnotherPatientHasIsRefused() {
        String login = "patient-" + UUID.randomUUID();
        UUID owner = Events.registered(NORTH, login);
        UUID other = Events.registered(NORTH, null);
        Events.publish(other, new PatientRegistered(other, NORTH, login, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(Topic.PATIENT, other));
        assertThat(progressStatus(login, other)).isEqualTo(404);
        assertThat(progressStatus(login, owner)).isEqualTo(200);
    }

    private static boolean deadLettered(Topic topic, UUID patientId) {
        return TopicProbe.readToEnd(topic.deadLetterTopicName()).stream()
                .anyMatch(r -> patientId.toString().equals(r.key())
                        && TopicProbe.header(r, "dead-letter-reason").contains("outcome-service"));
    }

    private static List<Object> escalations(String clinicId, UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(clinicId)).queryParam("patientId", patientId.toString())
                .get("/api/v1/escalations").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** A plan of the patient, started on {@code start}, once outcome-service shows it ACTIVE. */
    private static UUID activePlan(UUID patientId, LocalDate start) {
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, NORTH, planId, start));
        await().atMost(Duration.ofSeconds(30)).until(() -> PlanStatus.ACTIVE.name().equals(planStatus(patientId)));
        return planId;
    }

    private static String planStatus(UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(NORTH)).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().jsonPath().getString("adherence.planStatus");
    }

    private static int progressStatus(String login, UUID patientId) {
        return given().auth().oauth2(TestTokens.patient(login)).get("/api/v1/patients/" + patientId + "/progress")
                .statusCode();
    }
}
