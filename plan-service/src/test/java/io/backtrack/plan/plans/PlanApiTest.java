package io.backtrack.plan.plans;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanApiTest {

    private static final String CLINIC = "clinic-plans";

    private static ValidatableResponse post(UUID patientId, ObjectNode plan) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(plan.toString())
                .when().post("/api/v1/patients/" + patientId + "/plans").then();
    }

    @Test
    void aPlanIsCreatedActiveWithItsWarnings() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M48.062"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "SG-03", "MK-01", "PM-05");
        post(patientId, plan).statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("durationWeeks", equalTo(6))
                .body("warnings.ruleId", hasItems("PLAN-CAUTION", "PLAN-NICE-DO-NOT-OFFER"))
                .body("warnings.find { it.ruleId == 'PLAN-CAUTION' }.condition", equalTo("M48.062"));
    }

    @Test
    void manipulationForSpondylolisthesisIsRejectedThenAcceptedWithAReason() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M43.16"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "SG-03", "SG-04", "AE-01", "PM-09");
        post(patientId, plan).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.rule", contains("PLAN-CONTRAINDICATED"))
                .body("violations[0].field", equalTo("phases"))
                .body("findings.findAll { it.severity == 'VIOLATION' }.item", contains("PM-09"))
                .body("findings.find { it.ruleId == 'PLAN-CONTRAINDICATED' }.condition", equalTo("M43.16"));

        plan.putArray("overrides").addObject().put("ruleId", "PLAN-CONTRAINDICATED")
                .put("reason", "Grade I stable slip; spinal surgeon agreed to gentle manipulation");
        post(patientId, plan).statusCode(201)
                .body("overriddenRules", contains("PLAN-CONTRAINDICATED"))
                .body("overrides[0].reason", equalTo("Grade I stable slip; spinal surgeon agreed to gentle manipulation"));
    }

    /** A progressive deficit stays recorded once its red flag is cleared: manipulation for the disc stays contraindicated. */
    @Test
    void manipulationStaysContraindicatedForADiscDisorderOnceTheWeaknessFlagIsCleared() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M51.26"), false);
        UUID flagId = PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS);
        PatientEventsFixture.clearRedFlag(patientId, CLINIC, flagId, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "SG-03", "SG-04", "AE-01", "PM-09");

        await().atMost(Duration.ofSeconds(30)).until(() -> !post(patientId, plan).extract()
                .<List<String>>path("violations.rule").contains("PLAN-RED-FLAG"));
        post(patientId, plan).statusCode(422)
                .body("violations.rule", contains("PLAN-CONTRAINDICATED"))
                .body("findings.find { it.ruleId == 'PLAN-CONTRAINDICATED' }.condition", equalTo("M51.26"));
    }

    /** A motor deficit reported in a session is recorded too: a revision adding manipulation is refused. */
    @Test
    void aMotorDeficitReportedInASessionContraindicatesManipulationForTheDisc() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M51.16"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                        + "\"painBefore\":3,\"painAfter\":3,\"motorDeficit\":true}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(201);

        ObjectNode revision = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) revision.withArray("phases").get(1), "SG-03", "SG-04", "AE-01", "PM-09");
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(revision.toString())
                .when().post("/api/v1/plans/" + planId + "/revisions").then().statusCode(422)
                .body("violations.rule", contains("PLAN-CONTRAINDICATED"))
                .body("findings.find { it.ruleId == 'PLAN-CONTRAINDICATED' }.condition", equalTo("M51.16"));
    }

    /** A motor deficit reported in a session breaks the plan in use when it holds manipulation for the disc. */
    @Test
    void aMotorDeficitReportedInASessionHoldsAPlanWithManipulationForTheDisc() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M51.16"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(0), "SC-01", "CS-01", "CS-04", "PM-09");
        String planId = PlanFixtures.createPlan(CLINIC, patientId, plan);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"performedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                        + "\"painBefore\":3,\"painAfter\":3,\"motorDeficit\":true}")
                .when().post("/api/v1/plans/" + planId + "/sessions").then().statusCode(201);

        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("status", equalTo("ON_HOLD"))
                .body("holdViolations.ruleId", hasItem("PLAN-CONTRAINDICATED"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/clinical-profile")
                .then().statusCode(200).body("progressiveDeficitRecorded", equalTo(true));
    }

    /** The catalog's own flag: cat-camel loads end-range flexion, contraindicated with osteoporosis. */
    @Test
    void endRangeFlexionIsContraindicatedForOsteoporosis() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M81.0"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "SG-03", "AE-02", "GT-01", "ROM-01");
        post(patientId, plan).statusCode(422)
                .body("violations.rule", contains("PLAN-CONTRAINDICATED"))
                .body("findings.findAll { it.ruleId == 'PLAN-CONTRAINDICATED' }.item", contains("ROM-01"));
    }

    @Test
    void everyViolationComesBackAtOnce() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M43.16"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(0), "SG-04", "PM-09", "PM-01", "PM-02");
        post(patientId, plan).statusCode(422)
                .body("violations.rule", hasItems("PLAN-SPINE-CONTROL-FIRST", "PLAN-CONTRAINDICATED", "PLAN-PASSIVE-SHARE"));
    }

    @Test
    void anOpenRedFlagBlocksNewPlans() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                post(patientId, PlanFixtures.plan(LocalDate.now())).extract().statusCode() == 422);
        post(patientId, PlanFixtures.plan(LocalDate.now())).body("violations.rule", hasItem("PLAN-RED-FLAG"));
    }

    @Test
    void namingANonOverridableRuleInOverridesGetsTheSame422() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        PatientEventsFixture.raiseRedFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                post(patientId, PlanFixtures.plan(LocalDate.now())).extract().statusCode() == 422);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        plan.withArray("phases").forEach(phase -> PlanFixtures.items((ObjectNode) phase, "ED-01", "PM-01"));
        ArrayNode overrides = plan.putArray("overrides");
        overrides.addObject().put("ruleId", "PLAN-RED-FLAG").put("reason", "Seen by the GP, therapy is fine");
        overrides.addObject().put("ruleId", "PLAN-ACTIVE-CORE").put("reason", "Education only this month");
        post(patientId, plan).statusCode(422)
                .body("findings.findAll { it.ruleId == 'PLAN-RED-FLAG' }.overridable", contains(false))
                .body("findings.findAll { it.ruleId == 'PLAN-ACTIVE-CORE' }.overridable", contains(false));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** An exercise the catalog does not hold is reported with every finding of the rest of the plan. */
    @Test
    void anUnknownExerciseIsReportedWithEveryOtherFinding() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(0), "SG-03", "PM-05", "PM-01", "XX-99");
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "PM-02");
        post(patientId, plan).statusCode(422)
                .body("violations[0].field", equalTo("phases[0].items[3].exerciseCode"))
                .body("violations[0].rule", equalTo("PLAN-KNOWN-EXERCISE"))
                .body("violations.rule", hasItems("PLAN-PASSIVE-SHARE", "PLAN-SPINE-CONTROL-FIRST"))
                .body("findings.ruleId", hasItems("PLAN-PASSIVE-SHARE", "PLAN-SPINE-CONTROL-FIRST"));
    }

    @Test
    void unknownExercisesAndBadFieldsAreNamed() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        ObjectNode plan = PlanFixtures.plan(LocalDate.now());
        PlanFixtures.items((ObjectNode) plan.withArray("phases").get(1), "XX-99");
        post(patientId, plan).statusCode(422).body("violations[0].field", equalTo("phases[1].items[0].exerciseCode"));
        post(patientId, PlanFixtures.plan(LocalDate.now()).put("sessionsPerWeek", 0)).statusCode(400)
                .body("violations[0].field", equalTo("sessionsPerWeek"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aRevisionSupersedesThePlan() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String first = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        post(patientId, PlanFixtures.plan(LocalDate.now())).statusCode(409);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(LocalDate.now()).toString())
                .when().post("/api/v1/plans/" + first + "/revisions")
                .then().statusCode(201).body("version", equalTo(2)).body("supersedes", equalTo(first));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + first)
                .then().statusCode(200).body("status", equalTo("REVISED"));
    }

    @Test
    void statusLifecycle() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        status(planId, "COMPLETED").statusCode(200).body("status", equalTo("COMPLETED"));
        status(planId, "MAINTENANCE").statusCode(200).body("status", equalTo("MAINTENANCE"));
        status(planId, "ON_HOLD").statusCode(200);
        status(planId, "MAINTENANCE").statusCode(200);
        status(planId, "COMPLETED").statusCode(200);
        status(planId, "ACTIVE").statusCode(409).contentType("application/problem+json");
    }

    /** A hold and its resumption are placed at the instants of their status changes, after the plan they hold. */
    @Test
    void theTimelinePlacesAHoldWhenItHappened() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        String held = status(planId, "ON_HOLD").statusCode(200).extract().path("statusChangedAt");
        String resumed = status(planId, "ACTIVE").statusCode(200).extract().path("statusChangedAt");

        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + patientId + "/timeline")
                .then().statusCode(200)
                .body("kind", contains("PLAN_VERSION", "PLAN_ON_HOLD", "PLAN_RESUMED"))
                .body("[1].at", equalTo(held)).body("[2].at", equalTo(resumed));
    }

    /** A maintenance programme is the patient's current plan: one at a time, as ACTIVE and ON_HOLD plans. */
    @Test
    void aMaintenancePlanIsTheCurrentPlan() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        String first = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        status(first, "MAINTENANCE").statusCode(200);
        create(patientId).statusCode(409).body("type", endsWith("/plan-exists"));

        status(first, "COMPLETED").statusCode(200);
        String second = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        status(first, "MAINTENANCE").statusCode(409).body("type", endsWith("/plan-exists"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/plans/" + second)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void accessFollowsClinicAndPatient() {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now()));
        given().auth().oauth2(TestTokens.patient(subject)).when().get("/api/v1/plans/" + planId).then().statusCode(200);
        given().auth().oauth2(TestTokens.patient("someone-else")).when().get("/api/v1/plans/" + planId).then().statusCode(404);
        given().auth().oauth2(TestTokens.clinician("other-clinic")).when().get("/api/v1/plans/" + planId).then().statusCode(404);
        given().auth().oauth2(TestTokens.patient(subject)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(LocalDate.now()).toString())
                .when().post("/api/v1/patients/" + patientId + "/plans").then().statusCode(403);
        given().when().get("/api/v1/plans/" + planId).then().statusCode(401);
    }

    private static ValidatableResponse create(UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(PlanFixtures.plan(LocalDate.now()).toString())
                .when().post("/api/v1/patients/" + patientId + "/plans").then();
    }

    private static ValidatableResponse status(String planId, String status) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\",\"reason\":\"test\"}")
                .when().post("/api/v1/plans/" + planId + "/status").then();
    }
}
