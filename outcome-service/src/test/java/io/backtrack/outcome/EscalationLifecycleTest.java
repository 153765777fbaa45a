package io.backtrack.outcome;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RECOMMENDED → ACKNOWLEDGED → ORDERED → COMPLETED, or DECLINED with a reason from any of the first
 * three, by clinicians of the patient's clinic (docs/clinical-rules.md §7).
 */
@QuarkusTest
class EscalationLifecycleTest {

    private final Pool pool;

    EscalationLifecycleTest(Pool pool) {
        this.pool = pool;
    }

    private static List<Map<String, Object>> escalations(String token, UUID patientId) {
        return given().auth().oauth2(token).queryParam("patientId", patientId.toString()).get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String awaitOpen(String token, UUID patientId, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(token, patientId).stream()
                .anyMatch(e -> type.equals(e.get("type")) && "RECOMMENDED".equals(e.get("status"))));
        return escalations(token, patientId).stream()
                .filter(e -> type.equals(e.get("type")) && "RECOMMENDED".equals(e.get("status")))
                .map(e -> (String) e.get("id")).findFirst().orElseThrow();
    }

    private static ValidatableResponse step(String token, String id, String step, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}")
                .when().post("/api/v1/escalations/" + id + "/" + step).then();
    }

    @Test
    void aClinicianMovesAnEscalationThroughItsLifecycleAndIllegalStepsAreProblems() {
        String clinic = "clinic-lifecycle";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        Events.publish(patientId, Events.redFlag(patientId, clinic, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS,
                Urgency.URGENT, SuspectedCondition.SEVERE_NEUROLOGICAL_DEFICIT));
        String id = awaitOpen(clinician, patientId, "URGENT_MEDICAL_REFERRAL");
        awaitOpen(clinician, patientId, "IMAGING");

        given().auth().oauth2(clinician).get("/api/v1/escalations/" + id).then().statusCode(200)
                .body("ruleId", equalTo("ESC-RED-FLAG-URGENT")).body("ruleVersion", equalTo("1.3"))
                .body("urgency", equalTo("URGENT")).body("evidence.flag", equalTo("PROGRESSIVE_MOTOR_WEAKNESS"));

        String otherClinic = TestTokens.clinician("clinic-other");
        given().auth().oauth2(otherClinic).get("/api/v1/escalations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        step(otherClinic, id, "acknowledge", null).statusCode(404).contentType("application/problem+json");
        List<String> refusals = new ArrayList<>();
        pool.preparedQuery("""
                        SELECT clinic_id, resource_type, resource_id FROM audit_entry
                         WHERE chain_key = $1 AND action = 'REFUSED' ORDER BY chain_seq""")
                .execute(Tuple.of("patient:" + patientId)).await().indefinitely()
                .forEach(row -> refusals.add(row.getString("clinic_id") + " " + row.getString("resource_type") + " "
                        + row.getString("resource_id")));
        assertThat(refusals).as("both refusals in the patient's trail")
                .containsExactly("clinic-other escalation " + id, "clinic-other escalation " + id);
        given().auth().oauth2(TestTokens.patient("someone")).get("/api/v1/escalations/" + id).then().statusCode(403);

        step(clinician, id, "order", null).statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("RECOMMENDED"));
        step(clinician, id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        step(clinician, id, "order", "MRI booked").statusCode(200).body("status", equalTo("ORDERED"));
        step(clinician, id, "complete", null).statusCode(200).body("status", equalTo("COMPLETED"));
        step(clinician, id, "acknowledge", null).statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("COMPLETED"))
                .body("detail", containsString("COMPLETED"));

        JsonNode updated = OutcomeTopic.await(patientId, EventType.ESCALATION_UPDATED,
                p -> p.path("status").asText().equals("COMPLETED"));
        assertThat(updated.path("previousStatus").asText()).isEqualTo("ORDERED");
        assertThat(updated.path("escalationId").asText()).isEqualTo(id);
    }

    @Test
    void declineNeedsAReasonAndLetsTheTypeBeRecommendedAgain() {
        String clinic = "clinic-decline";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(14)));
        Events.publish(patientId, Events.session(patientId, clinic, planId, 3, 8, List.of()));
        String first = awaitOpen(clinician, patientId, "PLAN_REVISION");

        // a second flare while the first is open creates nothing new
        Events.publish(patientId, Events.session(patientId, clinic, planId, 2, 9, List.of()));
        Events.publish(patientId, Events.missed(patientId, clinic, planId, 2, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(given().auth().oauth2(clinician)
                .get("/api/v1/patients/" + patientId + "/progress").then().extract().path("adherence.lastMissedWeek")));
        assertThat(escalations(clinician, patientId)).hasSize(1);

        step(clinician, first, "decline", null).statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        step(clinician, first, "decline", "   ").statusCode(422).body("violations.field", hasItem("reason"));
        for (String invisible : List.of("\\u200b", "\\u00a0", "\\u2060\\u200b")) {
            step(clinician, first, "decline", invisible).statusCode(422).body("violations.field", hasItem("reason"));
        }
        step(clinician, first, "decline", "Flare explained by a house move").statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("Flare explained by a house move"));
        step(clinician, first, "acknowledge", null).statusCode(409).body("currentStatus", equalTo("DECLINED"));

        Events.publish(patientId, Events.session(patientId, clinic, planId, 4, 8, List.of()));
        String second = awaitOpen(clinician, patientId, "PLAN_REVISION");
        assertThat(second).isNotEqualTo(first);
        assertThat(escalations(clinician, patientId)).hasSize(2);
    }

    @Test
    void twoConsecutiveMissedWeeksRecommendAnAdherenceIntervention() {
        String clinic = "clinic-missed";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(21)));
        Events.publish(patientId, Events.missed(patientId, clinic, planId, 2, 1));
        Events.publish(patientId, Events.missed(patientId, clinic, planId, 3, 2));
        String id = awaitOpen(clinician, patientId, "ADHERENCE_INTERVENTION");
        given().auth().oauth2(clinician).get("/api/v1/escalations/" + id).then()
                .body("ruleId", equalTo("ESC-NON-ADHERENT")).body("evidence.consecutiveMissedWeeks", equalTo(2));
        assertThat(escalations(clinician, patientId)).hasSize(1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("backtrack_escalations_recommended_total{type=\"ADHERENCE_INTERVENTION\"}"));
    }

    /** Escalations are a clinician's: the patient's own progress and timeline leave them out, as the API does. */
    @Test
    void aPatientSeesNoEscalationInTheirProgressOrTimeline() {
        String clinic = "clinic-patient-view";
        String clinician = TestTokens.clinician(clinic);
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = Events.registered(clinic, subject);
        Events.publish(patientId, Events.redFlag(patientId, clinic, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS,
                Urgency.URGENT, SuspectedCondition.SEVERE_NEUROLOGICAL_DEFICIT));
        awaitOpen(clinician, patientId, "URGENT_MEDICAL_REFERRAL");
        String patient = TestTokens.patient(subject);

        given().auth().oauth2(patient).get("/api/v1/patients/" + patientId + "/progress").then().statusCode(200)
                .body("escalations", hasSize(0));
        given().auth().oauth2(patient).get("/api/v1/patients/" + patientId + "/timeline").then().statusCode(200)
                .body("kind", everyItem(not(startsWith("ESCALATION_"))));
        given().auth().oauth2(clinician).get("/api/v1/patients/" + patientId + "/timeline").then().statusCode(200)
                .body("kind", hasItem("ESCALATION_RECOMMENDED"));
    }

    /** Several URGENT flags raise one referral, and the clinician sees each of them on it, not only the first. */
    @Test
    void oneReferralForSeveralUrgentFlagsShowsEachOfThem() {
        String clinic = "clinic-several-flags";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        Events.publish(patientId, Events.redFlag(patientId, clinic, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT,
                SuspectedCondition.MALIGNANCY));
        Events.publish(patientId, Events.redFlag(patientId, clinic, RedFlagCode.FRACTURE_RISK, Urgency.URGENT,
                SuspectedCondition.FRACTURE));
        awaitOpen(clinician, patientId, "URGENT_MEDICAL_REFERRAL");

        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(clinician)
                .get("/api/v1/patients/" + patientId + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'ESCALATION_UPDATED' }.summary", String.class).stream()
                .anyMatch(summary -> summary.contains("also found by ESC-RED-FLAG-URGENT") && summary.contains("FRACTURE_RISK")));
        var timeline = given().auth().oauth2(clinician).get("/api/v1/patients/" + patientId + "/timeline").then()
                .statusCode(200).extract().jsonPath();
        assertThat(Instant.parse(timeline.getString("find { it.kind == 'ESCALATION_UPDATED' }.at")))
                .as("the finding is dated when it was made, not when the referral was")
                .isAfter(Instant.parse(timeline.getString("find { it.kind == 'ESCALATION_RECOMMENDED' }.at")));
        given().auth().oauth2(clinician).queryParam("patientId", patientId.toString()).get("/api/v1/escalations")
                .then().statusCode(200)
                .body("findAll { it.type == 'URGENT_MEDICAL_REFERRAL' }", hasSize(1))
                .body("find { it.type == 'URGENT_MEDICAL_REFERRAL' }.rationale", containsString("MALIGNANCY_RISK"));
    }

    /** CDS Hooks feedback is all or none: an unknown card after a good one leaves the good one's escalation as it was. */
    @Test
    void feedbackWithAnUnknownCardChangesNothing() {
        String clinic = "clinic-feedback";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID planId = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, clinic, planId, TODAY.minusDays(21)));
        Events.publish(patientId, Events.missed(patientId, clinic, planId, 3, 2));
        String id = awaitOpen(clinician, patientId, "ADHERENCE_INTERVENTION");
        String overridden = """
                {"card":"%s","outcome":"overridden","overrideReason":{"userComment":"Not now"},"outcomeTimestamp":"%s"}""";

        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"feedback\":[" + overridden.formatted(id, Instant.now()) + ","
                        + overridden.formatted(UUID.randomUUID(), Instant.now()) + "]}")
                .when().post("/cds-services/backtrack-escalations/feedback")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(clinician).get("/api/v1/escalations/" + id).then()
                .statusCode(200).body("status", equalTo("RECOMMENDED")).body("version", equalTo(0));
        assertThat(pool.preparedQuery("SELECT count(*) FROM escalation_transition WHERE escalation_id = $1 AND to_status = 'DECLINED'")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getLong(0)).isZero();

        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"feedback\":[" + overridden.replace("Not now", "\\u200b").formatted(id, Instant.now()) + "]}")
                .when().post("/cds-services/backtrack-escalations/feedback")
                .then().statusCode(422).body("violations.field", hasItem("feedback[0].overrideReason"));
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"feedback\":[" + overridden.formatted(id, Instant.now().plus(Duration.ofDays(1))) + "]}")
                .when().post("/cds-services/backtrack-escalations/feedback")
                .then().statusCode(422).body("violations[0].field", equalTo("feedback[0].outcomeTimestamp"))
                .body("violations[0].rule", equalTo("not-in-future"));
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"feedback\":[" + overridden.replace("overridden", "accepted").replace("\"overrideReason\"",
                        "\"acceptedSuggestions\":[{\"id\":\"" + id + "-acknowledge\"}],\"overrideReason\"")
                        .formatted(id, Instant.now()) + "]}")
                .when().post("/cds-services/backtrack-escalations/feedback")
                .then().statusCode(422).body("violations[0].field", equalTo("feedback[0].overrideReason"))
                .body("violations[0].rule", equalTo("CDS-REASON-ONLY-WHEN-OVERRIDDEN"));
        given().auth().oauth2(clinician).get("/api/v1/escalations/" + id).then().body("status", equalTo("RECOMMENDED"));
    }

    @Test
    void aPatientMayDeclineAnOrderedReferralWithAReason() {
        String clinic = "clinic-declined-order";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        Events.publish(patientId, Events.redFlag(patientId, clinic, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS,
                Urgency.URGENT, SuspectedCondition.SEVERE_NEUROLOGICAL_DEFICIT));
        String id = awaitOpen(clinician, patientId, "URGENT_MEDICAL_REFERRAL");
        step(clinician, id, "acknowledge", null).statusCode(200);
        step(clinician, id, "order", "Referral letter sent").statusCode(200).body("status", equalTo("ORDERED"));

        step(clinician, id, "decline", " ").statusCode(422).body("violations.field", hasItem("reason"));
        step(clinician, id, "decline", "The patient refused the referral").statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("The patient refused the referral"));
        step(clinician, id, "complete", null).statusCode(409).body("currentStatus", equalTo("DECLINED"));
        JsonNode updated = OutcomeTopic.await(patientId, EventType.ESCALATION_UPDATED,
                p -> p.path("status").asText().equals("DECLINED"));
        assertThat(updated.path("previousStatus").asText()).isEqualTo("ORDERED");
    }

    @Test
    void clearingARedFlagDoesNotCloseItsReferral() {
        String clinic = "clinic-cleared-flag";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        RedFlagRaised raised = Events.redFlag(patientId, clinic, RedFlagCode.INFECTION_RISK, Urgency.URGENT,
                SuspectedCondition.SPINAL_INFECTION);
        Events.publish(patientId, raised);
        String id = awaitOpen(clinician, patientId, "URGENT_MEDICAL_REFERRAL");
        step(clinician, id, "acknowledge", null).statusCode(200);

        Settled.consumed(pool, Events.publish(patientId, new RedFlagCleared(patientId, clinic, raised.flagId(),
                raised.flag(), true, Instant.now())));
        given().auth().oauth2(clinician).get("/api/v1/escalations/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        step(clinician, id, "order", "Referred to the GP").statusCode(200);
        step(clinician, id, "complete", null).statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aRevisionClosesNoEscalation() {
        String clinic = "clinic-revision-keeps-escalations";
        String clinician = TestTokens.clinician(clinic);
        UUID patientId = Events.registered(clinic, null);
        UUID first = UUID.randomUUID();
        Events.publish(patientId, Events.activated(patientId, clinic, first, TODAY.minusDays(14)));
        Events.publish(patientId, Events.session(patientId, clinic, first, 3, 8, List.of()));
        String id = awaitOpen(clinician, patientId, "PLAN_REVISION");

        UUID second = UUID.randomUUID();
        Events.publish(patientId, new PlanStatusChanged(patientId, clinic, first, PlanStatus.ACTIVE, PlanStatus.REVISED,
                "REVISED", Instant.now(), List.of()));
        Settled.consumed(pool, Events.publish(patientId, new PlanActivated(patientId, clinic, second, 2, first,
                TODAY.minusDays(14), 2, 6, 2, 6, List.of(), Instant.now())));
        assertThat(escalations(clinician, patientId)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("id", id).containsEntry("status", "RECOMMENDED"));
        step(clinician, id, "acknowledge", null).statusCode(200);
    }
}
