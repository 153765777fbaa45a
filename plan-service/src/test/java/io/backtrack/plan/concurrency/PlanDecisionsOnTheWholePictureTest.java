package io.backtrack.plan.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * plan-service decides on the whole clinical picture, whatever the interleaving of plan requests and
 * patient events: no plan before its intake is applied, one current plan, and a late fact holds a plan.
 */
@QuarkusTest
class PlanDecisionsOnTheWholePictureTest {

    private static final String CLINIC = "clinic-whole-picture";

    @Inject
    Pool pool;

    @Test
    void aPlanBasedOnAnIntakeNotAppliedYetIsPendingThenAccepted() {
        UUID patientId = PatientEventsFixture.registered(CLINIC, null);
        post(patientId, PlanFixtures.plan(LocalDate.now())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backtrack.io/problems/intake-pending"))
                .header("Retry-After", equalTo("1"));

        UUID intakeId = UUID.randomUUID();
        ObjectNode plan = PlanFixtures.plan(LocalDate.now()).put("intakeId", intakeId.toString());
        post(patientId, plan).then().statusCode(409).body("type", equalTo("https://backtrack.io/problems/intake-pending"));
        UUID unknownPatient = UUID.randomUUID();
        post(unknownPatient, plan).then().statusCode(409);
        post(unknownPatient, PlanFixtures.plan(LocalDate.now())).then().statusCode(404);

        PatientEventsFixture.publishIntake(patientId, CLINIC, intakeId, List.of("M54.50"), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(patientId, plan).statusCode() != 409);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/patients/" + patientId + "/clinical-profile")
                .then().statusCode(200)
                .body("latestIntakeId", equalTo(intakeId.toString()))
                .body("appliedIntakes.intakeId", hasItem(intakeId.toString()))
                .body("clearedForTherapy", equalTo(true));
        assertThat(currentPlans(patientId)).isEqualTo(1);
    }

    /** Another clinic's patient or intake answers as an unknown one does: their existence is not disclosed. */
    @Test
    void anotherClinicsPatientOrIntakeAnswersAsAnUnknownOne() {
        UUID own = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        UUID elsewhere = PatientEventsFixture.registered("clinic-elsewhere", null);
        UUID theirIntake = PatientEventsFixture.intake(elsewhere, "clinic-elsewhere", List.of("M54.50"), false);
        PatientEventsFixture.awaitApplied(elsewhere, "clinic-elsewhere", theirIntake);
        UUID ownOther = PatientEventsFixture.registered(CLINIC, null);
        UUID ownOtherIntake = PatientEventsFixture.intake(ownOther, CLINIC, List.of("M54.50"), false);
        PatientEventsFixture.awaitApplied(ownOther, CLINIC, ownOtherIntake);
        ObjectNode onTheirIntake = PlanFixtures.plan(LocalDate.now()).put("intakeId", theirIntake.toString());
        ObjectNode onAnUnknownIntake = PlanFixtures.plan(LocalDate.now()).put("intakeId", UUID.randomUUID().toString());

        for (UUID patient : List.of(elsewhere, UUID.randomUUID())) {
            post(patient, onTheirIntake).then().statusCode(409)
                    .body("type", equalTo("https://backtrack.io/problems/intake-pending"));
        }
        for (ObjectNode plan : List.of(onTheirIntake, onAnUnknownIntake)) {
            post(own, plan).then().statusCode(409).body("type", equalTo("https://backtrack.io/problems/intake-pending"));
        }
        post(own, PlanFixtures.plan(LocalDate.now()).put("intakeId", ownOtherIntake.toString())).then().statusCode(422)
                .body("violations[0].rule", equalTo("intake-of-patient"));
        assertThat(currentPlans(own)).isZero();
    }

    @Test
    void sixParallelPlansForOnePatientGiveOneCurrentPlan() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        List<Integer> statuses = StartBarrier.together(6,
                i -> () -> post(patientId, PlanFixtures.plan(LocalDate.now())).statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(currentPlans(patientId)).isEqualTo(1);
    }

    @Test
    void parallelRevisionsOfOnePlanLeaveOneCurrentVersion() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        List<Integer> statuses = StartBarrier.together(4, i -> () -> given().auth()
                .oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(LocalDate.now()).toString())
                .post("/api/v1/plans/" + planId + "/revisions").statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(currentPlans(patientId)).isEqualTo(1);
    }

    /**
     * A red flag and a plan request for the same patient, released together in a seeded order: either the
     * plan is refused with PLAN-RED-FLAG, or it is accepted and then held. Never ACTIVE under the flag.
     */
    @Test
    void aPlanRacingARedFlagIsNeverActiveUnderIt() {
        long seed = Long.getLong("backtrack.interleavings.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
            boolean flagFirst = random.nextBoolean();
            List<Callable<Integer>> calls = List.of(
                    () -> {
                        PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.SADDLE_NUMBNESS);
                        return 0;
                    },
                    () -> post(patientId, PlanFixtures.plan(LocalDate.now())).statusCode());
            List<Integer> results = StartBarrier.together(flagFirst ? calls : List.of(calls.get(1), calls.get(0)));
            int planStatus = flagFirst ? results.get(1) : results.get(0);
            String context = "seed " + seed + ", round " + round;
            assertThat(planStatus).as(context).isIn(201, 422);

            await().atMost(Duration.ofSeconds(30)).until(() -> openFlags(patientId) == 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(activePlans(patientId)).as(context).isZero());
        }
    }

    @Test
    void aLaterIntakeWithAContraindicatedConditionHoldsThePlanWithItsRuleIds() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        ObjectNode manipulation = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) manipulation.withArray("phases").get(0), "SC-01", "CS-01", "CS-04", "ED-01",
                "PM-09");
        String planId = PlanFixtures.createPlan(CLINIC, patientId, manipulation);

        UUID reassessment = PatientEventsFixture.intake(patientId, CLINIC, List.of("M43.16"), false);
        PatientEventsFixture.awaitApplied(patientId, CLINIC, reassessment);

        given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("status", equalTo("ON_HOLD"))
                .body("holdViolations.ruleId", hasItem("PLAN-CONTRAINDICATED"))
                .body("holdViolations.condition", hasItem("M43.16"));
        assertThat(PlanTopic.published(pool, patientId, EventType.PLAN_STATUS_CHANGED)).singleElement()
                .satisfies(event -> {
                    assertThat(event.path("to").asText()).isEqualTo("ON_HOLD");
                    assertThat(event.path("reason").asText()).isEqualTo("INTAKE_COMPLETED");
                    assertThat(event.path("ruleIds").toString()).contains("PLAN-CONTRAINDICATED");
                });

        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"ACTIVE\",\"reason\":\"Try again\"}").post("/api/v1/plans/" + planId + "/status")
                .then().statusCode(422).body("violations.rule", hasItem("PLAN-CONTRAINDICATED"));
    }

    private static Response post(UUID patientId, ObjectNode plan) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(plan.toString())
                .when().post("/api/v1/patients/" + patientId + "/plans");
    }

    private long currentPlans(UUID patientId) {
        return count("SELECT count(*) FROM plan WHERE patient_id = $1 AND status IN ('ACTIVE', 'ON_HOLD')", patientId);
    }

    private long activePlans(UUID patientId) {
        return count("SELECT count(*) FROM plan WHERE patient_id = $1 AND status = 'ACTIVE'", patientId);
    }

    private long openFlags(UUID patientId) {
        return count("SELECT count(*) FROM open_red_flag WHERE patient_id = $1", patientId);
    }

    private long count(String sql, UUID patientId) {
        return pool.preparedQuery(sql).execute(Tuple.of(patientId)).await().indefinitely().iterator().next().getLong(0);
    }
}
