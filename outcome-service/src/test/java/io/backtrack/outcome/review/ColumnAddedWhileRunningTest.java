package io.backtrack.outcome.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.outcome.Events;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * During a rolling upgrade the newer version's migration may add a column while this version still
 * runs. Its statements stay prepared on pooled connections, and PostgreSQL refuses to run one whose
 * result would change ("cached plan must not change result type"), so none may select {@code *}
 * (deploy-checks' NamedColumnsTest holds every statement to it).
 */
@QuarkusTest
class ColumnAddedWhileRunningTest {

    private static final String CLINIC = "clinic-column-added";
    private static final String CLINICIAN = TestTokens.clinician(CLINIC);

    private final OverdueReviews overdue;
    private final Pool pool;

    ColumnAddedWhileRunningTest(OverdueReviews overdue, Pool pool) {
        this.overdue = overdue;
        this.pool = pool;
    }

    @Test
    void theOverdueSweepGoesOnAfterAColumnIsAddedToReviews() {
        UUID patientId = withIntake();
        sweepRepeatedly();

        withColumnAdded("review", () -> {
            Events.publish(patientId, Events.reviewDue(patientId, CLINIC,
                    Events.activePlan(patientId, CLINIC, Events.TODAY.minusDays(36)), 4, Events.TODAY.minusDays(8), true));
            await().atMost(Duration.ofSeconds(30)).until(() -> !reviewStatuses(patientId).isEmpty());
            sweepRepeatedly();
            assertThat(reviewStatuses(patientId)).as("due + 7 has passed without an ODI").containsExactly("OVERDUE");
        });
    }

    private void withColumnAdded(String table, Runnable meanwhile) {
        execute("ALTER TABLE " + table + " ADD COLUMN added_by_a_newer_version text");
        try {
            meanwhile.run();
        } finally {
            execute("ALTER TABLE " + table + " DROP COLUMN added_by_a_newer_version");
        }
    }

    /** Enough sweeps that the claim is prepared on the connections the next ones are likely to get. */
    private void sweepRepeatedly() {
        for (int i = 0; i < 3; i++) {
            try {
                VertxContextSupport.subscribeAndAwait(overdue::sweep);
            } catch (Throwable e) {
                throw new AssertionError("the overdue sweep failed", e);
            }
        }
    }

    private void execute(String ddl) {
        pool.query(ddl).execute().await().indefinitely();
    }

    private UUID withIntake() {
        UUID patientId = Events.registered(CLINIC, null);
        Events.publish(patientId, Events.intake(patientId, CLINIC, 6, 15, StartBackRisk.LOW, false, "M54.50"));
        await().atMost(Duration.ofSeconds(30)).until(() -> progressOf(patientId).get("baseline.painNrs") != null);
        return patientId;
    }

    private static List<String> reviewStatuses(UUID patientId) {
        return progressOf(patientId).getList("reviews.status");
    }

    private static JsonPath progressOf(UUID patientId) {
        return given().auth().oauth2(CLINICIAN).get("/api/v1/patients/" + patientId + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }
}
