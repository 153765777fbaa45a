package io.backtrack.outcome.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.outcome.Events;
import io.backtrack.outcome.Measures;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A phone retries a measure, many times at once: one record, the first result for everyone, never a 5xx. */
@QuarkusTest
class MeasureRetryTest {

    private static final String CLINIC = "clinic-measure-retry";

    @Inject
    Pool pool;

    @Test
    void sixteenConcurrentPostsWithOneKeyStoreOneMeasure() {
        UUID patientId = Events.registered(CLINIC, null);
        ObjectNode pain = Measures.pain(4, LocalDate.now(ZoneOffset.UTC));
        List<Response> responses = StartBarrier.together(16, i -> () -> post(patientId, "phone-retry-1", pain));

        assertThat(responses).extracting(Response::statusCode).filteredOn(s -> s == 201).hasSize(1);
        assertThat(responses).extracting(Response::statusCode).filteredOn(s -> s != 201).containsOnly(200);
        assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly(
                responses.get(0).jsonPath().getString("id"));
        assertThat(stored(patientId)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherMeasureIsRefusedNotAnsweredWithTheFirst() {
        UUID patientId = Events.registered(CLINIC, null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        post(patientId, "phone-retry-2", Measures.pain(4, today)).then().statusCode(201);

        post(patientId, "phone-retry-2", Measures.odi(20, today)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        post(patientId, "phone-retry-2", Measures.pain(4, today)).then().statusCode(200);
        assertThat(stored(patientId)).isEqualTo(1);
    }

    private static Response post(UUID patientId, String key, ObjectNode body) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body.toString())
                .when().post("/api/v1/patients/" + patientId + "/measures");
    }

    private long stored(UUID patientId) {
        return pool.preparedQuery("SELECT count(*) FROM measure WHERE patient_id = $1").execute(Tuple.of(patientId))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
