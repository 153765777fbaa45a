package io.backtrack.plan.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.contracts.EventType;
import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.plan.PlanTopic;
import io.backtrack.platform.audit.AuditChainVerifier;
import io.backtrack.platform.time.ServiceClock;
import io.backtrack.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routine sessions are logged by {@link RoutineSessions}, the rest by {@link SessionService}; both
 * write the same records: the session, its session-completed event and an audit entry that extends
 * the patient's chain.
 */
@QuarkusTest
class RoutineSessionTest {

    private static final String CLINIC = "clinic-routine";

    private final Pool pool;
    private final MeterRegistry registry;
    private final AuditChainVerifier audit;
    /** The service's clock, which other tests of this JVM may have moved on. */
    private final ServiceClock clock;

    RoutineSessionTest(Pool pool, MeterRegistry registry, AuditChainVerifier audit, ServiceClock clock) {
        this.pool = pool;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    private static String session(Instant performedAt, String extra) {
        return "{\"performedAt\":\"" + performedAt + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],"
                + "\"painBefore\":5,\"painAfter\":4,\"effort\":6" + extra + "}";
    }

    private static ValidatableResponse log(String token, String planId, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/plans/" + planId + "/sessions").then();
    }

    private double logged(String path) {
        Counter counter = registry.find("backtrack.sessions.logged").tag("path", path).counter();
        return counter == null ? 0 : counter.count();
    }

    private Row stored(String sessionId) {
        return pool.preparedQuery("SELECT * FROM session WHERE id = $1").execute(Tuple.of(UUID.fromString(sessionId)))
                .await().indefinitely().iterator().next();
    }

    private List<Row> auditEntries(UUID patientId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM audit_entry WHERE patient_id = $1 ORDER BY chain_seq")
                .execute(Tuple.of(patientId)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    @Test
    void aRoutineSessionAndARedFlagSessionWriteTheSameRecordsEachItsOwnWay() throws Throwable {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now(clock).minusDays(3)));
        double routineBefore = logged("routine");
        double fullBefore = logged("full");

        String routine = log(TestTokens.patient(subject), planId, "phone-1",
                session(clock.instant().minus(1, ChronoUnit.HOURS), "")).statusCode(201)
                .body("planWeek", equalTo(1)).body("countsForAdherence", equalTo(true))
                .extract().path("id");
        assertThat(logged("routine")).isEqualTo(routineBefore + 1);
        assertThat(logged("full")).isEqualTo(fullBefore);

        String full = log(TestTokens.patient(subject), planId, "phone-2", session(clock.instant().minusSeconds(60),
                ",\"reportedRedFlags\":[\"SADDLE_NUMBNESS\"]")).statusCode(201).extract().path("id");
        assertThat(logged("full")).isEqualTo(fullBefore + 1);
        assertThat(logged("routine")).isEqualTo(routineBefore + 1);

        Row first = stored(routine);
        Row second = stored(full);
        for (String column : List.of("plan_id", "patient_id", "logged_by", "plan_week", "exercises_done", "prescribed",
                "done", "counts", "pain_before", "pain_after", "effort", "new_symptoms", "motor_deficit")) {
            assertThat(first.getValue(column)).as(column).isEqualTo(second.getValue(column));
        }
        assertThat(first.getString("idempotency_key")).isEqualTo("phone-1");
        assertThat(first.getString("request_hash")).isNotBlank();
        assertThat(first.getString("red_flags")).isEqualTo("[]");

        assertThat(PlanTopic.published(pool, patientId, EventType.SESSION_COMPLETED))
                .extracting(event -> event.path("sessionId").asText()).containsExactly(routine, full);
        List<Row> entries = auditEntries(patientId);
        assertThat(entries).extracting(row -> row.getString("resource_id")).containsSubsequence(routine, full);
        Row routineEntry = entries.stream().filter(row -> routine.equals(row.getString("resource_id"))).findFirst()
                .orElseThrow();
        assertThat(routineEntry.getString("action")).isEqualTo("CREATE");
        assertThat(routineEntry.getString("actor")).isEqualTo(subject);
        assertThat(routineEntry.getString("chain_key")).isEqualTo("patient:" + patientId);
        assertThat(VertxContextSupport.subscribeAndAwait(audit::verify).intact()).isTrue();
    }

    @Test
    void whatIsNotRoutineIsLoggedOrRefusedTheFullWay() {
        String subject = "patient-" + UUID.randomUUID();
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, subject, List.of("M54.50"), false);
        String planId = PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now(clock).minusDays(3)));
        String body = session(clock.instant().minus(2, ChronoUnit.HOURS), "");
        String first = log(TestTokens.patient(subject), planId, "retry-1", body).statusCode(201).extract().path("id");
        double routineBefore = logged("routine");

        log(TestTokens.patient(subject), planId, "retry-1", body).statusCode(200).body("id", equalTo(first));
        log(TestTokens.patient(subject), planId, "retry-1", session(clock.instant().minus(3, ChronoUnit.HOURS), ""))
                .statusCode(422).body("violations[0].rule", equalTo("idempotency-key-reused"));
        log(TestTokens.patient("patient-" + UUID.randomUUID()), planId, null, body).statusCode(404);
        log(TestTokens.clinician("another-clinic"), planId, null, body).statusCode(404);
        given().auth().oauth2(TestTokens.clinician("another-clinic")).get("/api/v1/plans/" + planId).then().statusCode(404);
        assertThat(auditEntries(patientId).stream().filter(row -> row.getString("action").equals("REFUSED"))
                .map(row -> row.getString("actor_role") + " " + row.getString("resource_type") + " "
                        + row.getString("resource_id") + " " + row.getString("detail")))
                .as("each refusal in the patient's trail").containsExactly(
                        "patient plan " + planId + " refused: out of the caller's reach",
                        "clinician plan " + planId + " refused: out of the caller's reach",
                        "clinician plan " + planId + " refused: out of the caller's reach");
        log(TestTokens.patient(subject), planId, null, session(clock.instant().plus(1, ChronoUnit.HOURS), ""))
                .statusCode(422).body("violations[0].rule", equalTo("not-in-future"));

        assertThat(logged("routine")).isEqualTo(routineBefore);
        assertThat(pool.preparedQuery("SELECT count(*) FROM session WHERE plan_id = $1")
                .execute(Tuple.of(UUID.fromString(planId))).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
    }
}
