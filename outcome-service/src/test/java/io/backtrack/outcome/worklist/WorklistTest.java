package io.backtrack.outcome.worklist;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.outcome.Events;
import io.backtrack.outcome.Settled;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A clinic's worklist: what needs a clinician, the most urgent first, then the longest waiting; paged; the clinic's own only. */
@QuarkusTest
class WorklistTest {

    private final Pool pool;

    WorklistTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void escalationsHoldsAndReviewsOfTheClinicByUrgencyThenAge() {
        String clinic = "clinic-worklist-" + UUID.randomUUID();
        String clinician = TestTokens.clinician(clinic);

        UUID awaiting = withIntake(clinic);
        Events.publish(awaiting, Events.reviewDue(awaiting, clinic,
                Events.activePlan(awaiting, clinic, TODAY.minusDays(28)), 4, TODAY, true));
        UUID overdue = withIntake(clinic);
        Events.publish(overdue, Events.reviewDue(overdue, clinic,
                Events.activePlan(overdue, clinic, TODAY.minusDays(36)), 4, TODAY.minusDays(8), true));
        UUID held = withIntake(clinic);
        UUID plan = UUID.randomUUID();
        Events.publish(held, Events.activated(held, clinic, plan, TODAY.minusDays(3)));
        Settled.consumed(pool, Events.publish(held, new PlanStatusChanged(held, clinic, plan, PlanStatus.ACTIVE,
                PlanStatus.ON_HOLD, "held by the clinician", Instant.now(), List.of())));
        UUID emergency = withIntake(clinic);
        Events.publish(emergency, Events.redFlag(emergency, clinic, RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY,
                SuspectedCondition.CAUDA_EQUINA_SYNDROME));

        await().atMost(Duration.ofSeconds(30)).until(() -> worklist(clinician, 0, 100).getList("items.kind")
                .containsAll(List.of("ESCALATION", "PLAN_ON_HOLD", "OVERDUE_REVIEW", "AWAITING_REVIEW")));
        JsonPath all = worklist(clinician, 0, 100);
        List<String> entries = all.getList("items.collect { it.kind + ' ' + it.patientId }");
        assertThat(all.getList("items.urgency", String.class)).isSortedAccordingTo(
                (a, b) -> Urgency.valueOf(a).compareTo(Urgency.valueOf(b)));
        assertThat(entries.get(0)).isEqualTo("ESCALATION " + emergency);
        assertThat(entries).containsSubsequence("PLAN_ON_HOLD " + held, "OVERDUE_REVIEW " + overdue,
                "AWAITING_REVIEW " + awaiting);
        assertThat(all.getInt("total")).isEqualTo(entries.size());

        JsonPath second = worklist(clinician, 1, 2);
        assertThat(second.getInt("total")).isEqualTo(entries.size());
        assertThat(second.getList("items.collect { it.kind + ' ' + it.patientId }"))
                .isEqualTo(entries.subList(2, Math.min(4, entries.size())));

        assertThat(worklist(TestTokens.clinician("clinic-worklist-" + UUID.randomUUID()), 0, 100).getInt("total")).isZero();
        given().auth().oauth2(TestTokens.patient("patient-" + UUID.randomUUID())).get("/api/v1/worklist")
                .then().statusCode(403);
        given().auth().oauth2(clinician).queryParam("size", 0).get("/api/v1/worklist").then().statusCode(400);
    }

    private static UUID withIntake(String clinic) {
        UUID patientId = Events.registered(clinic, null);
        Events.publish(patientId, Events.intake(patientId, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        return patientId;
    }

    private static JsonPath worklist(String token, int page, int size) {
        return given().auth().oauth2(token).queryParam("page", page).queryParam("size", size).get("/api/v1/worklist")
                .then().statusCode(200).extract().jsonPath();
    }
}
