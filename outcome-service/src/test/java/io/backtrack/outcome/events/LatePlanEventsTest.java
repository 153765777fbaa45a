package io.backtrack.outcome.events;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.outcome.Events;
import io.backtrack.outcome.Settled;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plan events that arrive after later ones, as a replayed dead letter does: each is applied once, but
 * the plan's snapshot keeps what the later events said.
 */
@QuarkusTest
class LatePlanEventsTest {

    private static final String CLINIC = "clinic-late-plan-events";

    private final Pool pool;

    LatePlanEventsTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void aHoldArrivingAfterTheResumeLeavesThePlanActive() {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = UUID.randomUUID();
        Instant held = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        Events.publish(patientId, Events.activated(patientId, CLINIC, planId, TODAY.minusDays(14)));
        PlanStatusChanged hold = new PlanStatusChanged(patientId, CLINIC, planId, PlanStatus.ACTIVE, PlanStatus.ON_HOLD,
                "held by the clinician", held, List.of());
        Events.publish(patientId, hold);
        Settled.consumed(pool, Events.publish(patientId, new PlanStatusChanged(patientId, CLINIC, planId,
                PlanStatus.ON_HOLD, PlanStatus.ACTIVE, "resumed by the clinician", held.plus(1, ChronoUnit.DAYS),
                List.of())));
        assertThat(planStatus(patientId)).isEqualTo("ACTIVE");

        Settled.consumed(pool, Events.publish(patientId, hold));

        assertThat(planStatus(patientId)).isEqualTo("ACTIVE");
    }

    @Test
    void aResumeOrTheActivationArrivingAfterALaterHoldLeavesThePlanOnHold() {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = UUID.randomUUID();
        Instant resumed = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        Events.publish(patientId, Events.activated(patientId, CLINIC, planId, TODAY.minusDays(14)));
        Settled.consumed(pool, Events.publish(patientId, new PlanStatusChanged(patientId, CLINIC, planId,
                PlanStatus.ACTIVE, PlanStatus.ON_HOLD, "held again", resumed.plus(1, ChronoUnit.DAYS), List.of())));

        Settled.consumed(pool, Events.publish(patientId, new PlanStatusChanged(patientId, CLINIC, planId,
                PlanStatus.ON_HOLD, PlanStatus.ACTIVE, "resumed", resumed, List.of())));
        Settled.consumed(pool, Events.publish(patientId, Events.activated(patientId, CLINIC, planId,
                TODAY.minusDays(14))));

        assertThat(planStatus(patientId)).isEqualTo("ON_HOLD");
    }

    private static String planStatus(UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC))
                .get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().jsonPath().getString("adherence.planStatus");
    }
}
