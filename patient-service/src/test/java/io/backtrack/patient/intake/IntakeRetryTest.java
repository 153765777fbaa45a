package io.backtrack.patient.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.patient.Fixtures;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A front-end retrying an intake POST with its Idempotency-Key records one intake and publishes one event. */
@QuarkusTest
class IntakeRetryTest {

    private static final String CLINIC = "clinic-intake-retry";

    private final Pool pool;

    IntakeRetryTest(Pool pool) {
        this.pool = pool;
    }

    private static Response post(String patient, String key, String body) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patients/" + patient + "/intakes");
    }

    @Test
    void retriesSentTogetherRecordOneIntakeAndOneEvent() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String key = UUID.randomUUID().toString();
        String body = Fixtures.intake().toString();

        List<Response> answers = StartBarrier.together(8, i -> () -> post(patient, key, body));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.jsonPath().getString("id")).containsOnly(answers.get(0).jsonPath()
                .getString("id"));
        assertThat(count("SELECT count(*) FROM intake WHERE patient_id = $1", UUID.fromString(patient))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", null) == 0);
        assertThat(TopicProbe.readToEnd(Topic.PATIENT.topicName())).filteredOn(r -> patient.equals(r.key())
                && EventType.INTAKE_COMPLETED.ceType().equals(TopicProbe.header(r, "ce_type"))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherIntakeIsRefusedAndRecordsNothing() {
        String patient = Fixtures.registerPatient(CLINIC, null);
        String key = UUID.randomUUID().toString();
        post(patient, key, Fixtures.intake().toString()).then().statusCode(201);

        post(patient, key, Fixtures.intake().put("painNrs", 7).toString()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM intake WHERE patient_id = $1", UUID.fromString(patient))).isEqualTo(1);
    }

    private long count(String sql, UUID patient) {
        Tuple parameters = patient == null ? Tuple.tuple() : Tuple.of(patient);
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }
}
