package io.backtrack.plan.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.plan.PatientEventsFixture;
import io.backtrack.plan.PlanFixtures;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A phone on a bad connection retries a session, many times at once: one session, the first result for all. */
@QuarkusTest
class SessionRetryTest {

    private static final String CLINIC = "clinic-session-retry";

    @Inject
    Pool pool;

    @Test
    void sixteenConcurrentPostsWithOneKeyStoreOneSession() {
        String planId = plan();
        String body = session();
        List<Response> responses = StartBarrier.together(16, i -> () -> log(planId, "retry-16", body));

        assertThat(responses).extracting(Response::statusCode).filteredOn(s -> s == 201).hasSize(1);
        assertThat(responses).extracting(Response::statusCode).filteredOn(s -> s != 201).containsOnly(200);
        assertThat(responses).extracting(r -> r.jsonPath().getString("id"))
                .containsOnly(responses.get(0).jsonPath().getString("id"));
        assertThat(stored(planId)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String planId = plan();
        String first = session();
        log(planId, "retry-other", first).then().statusCode(201);
        log(planId, "retry-other", first.replace("\"painAfter\":4", "\"painAfter\":9")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        log(planId, "retry-other", first).then().statusCode(200);
        assertThat(stored(planId)).isEqualTo(1);
    }

    /**
     * A phone that retries without an Idempotency-Key sends the same instant again: one session, the
     * others refused naming performedAt, sent one after another or eight at once, and whether the
     * session is routine or reports a red flag.
     */
    @Test
    void theSameSessionAgainWithoutAKeyIsRefusedAsAlreadyLogged() {
        String planId = plan();
        String body = session();
        log(planId, null, body).then().statusCode(201);
        log(planId, null, body).then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("performedAt"))
                .body("violations[0].rule", equalTo("one-session-per-instant"));
        log(planId, null, body.replace("\"painAfter\":4", "\"painAfter\":4,\"reportedRedFlags\":[\"SADDLE_NUMBNESS\"]"))
                .then().statusCode(409);
        assertThat(stored(planId)).isEqualTo(1);

        String other = plan();
        List<Response> responses = StartBarrier.together(8, i -> () -> log(other, null, body));
        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(stored(other)).isEqualTo(1);
    }

    private static String plan() {
        UUID patientId = PatientEventsFixture.patientWithIntake(CLINIC, null, List.of("M54.50"), false);
        return PlanFixtures.createPlan(CLINIC, patientId, PlanFixtures.plan(LocalDate.now().minusDays(3)));
    }

    private static String session() {
        return "{\"performedAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],\"painBefore\":5,\"painAfter\":4}";
    }

    private static Response log(String planId, String key, String body) {
        var request = given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key))
                .when().post("/api/v1/plans/" + planId + "/sessions");
    }

    private long stored(String planId) {
        return pool.preparedQuery("SELECT count(*) FROM session WHERE plan_id = $1")
                .execute(Tuple.of(UUID.fromString(planId))).await().indefinitely().iterator().next().getLong(0);
    }
}
