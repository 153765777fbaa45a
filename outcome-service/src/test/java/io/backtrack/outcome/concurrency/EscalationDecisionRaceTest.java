package io.backtrack.outcome.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.Events;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two clinicians click at once: of conflicting transitions exactly one wins, with one transition and one event. */
@QuarkusTest
class EscalationDecisionRaceTest {

    private static final String CLINIC = "clinic-decision-race";

    @Inject
    Pool pool;

    @Test
    void eightAcknowledgesAtOnceGiveOneTransitionAndOneEvent() {
        String id = urgentReferral();
        List<Integer> statuses = StartBarrier.together(8, i -> () -> step(id, "acknowledge", null, null).statusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        assertThat(transitions(id)).containsExactly("ACKNOWLEDGED");
        assertThat(updatedEvents(id)).containsExactly("ACKNOWLEDGED");
    }

    /** Completing and declining an ordered referral are both final: only one of them can happen. */
    @Test
    void fourCompletesAgainstFourDeclinesGiveOneDecision() {
        String id = urgentReferral();
        step(id, "acknowledge", null, null).then().statusCode(200);
        step(id, "order", "Referral sent", null).then().statusCode(200);
        List<Callable<Response>> clicks = IntStream.range(0, 8)
                .mapToObj(i -> (Callable<Response>) () -> i % 2 == 0
                        ? step(id, "complete", "Seen by the specialist", null)
                        : step(id, "decline", "Patient refuses referral", null))
                .toList();
        List<Response> responses = StartBarrier.together(clicks);

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).allMatch(r -> r.statusCode() == 409
                && r.contentType().startsWith("application/problem+json"));
        String decided = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                .jsonPath().getString("status");
        assertThat(transitions(id)).containsExactly("ACKNOWLEDGED", "ORDERED", decided);
        assertThat(updatedEvents(id)).containsExactly("ACKNOWLEDGED", "ORDERED", decided);
    }

    @Test
    void underIfMatchTheLoserGets412AndAStaleEtagNeverWrites() {
        String id = urgentReferral();
        String etag = given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/escalations/" + id)
                .then().statusCode(200).extract().header("ETag");
        List<Integer> statuses = StartBarrier.together(6, i -> () -> step(id, "acknowledge", null, etag).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412);

        step(id, "decline", "Seen elsewhere", etag).then().statusCode(412);
        assertThat(transitions(id)).containsExactly("ACKNOWLEDGED");
    }

    /** RFC 9110: "*" and a list holding the current tag match; a weak tag never does; an unquoted one is no tag. */
    @Test
    void ifMatchIsReadAsHttpReadsIt() {
        String id = urgentReferral();
        String etag = given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/escalations/" + id)
                .then().statusCode(200).extract().header("ETag");
        step(id, "acknowledge", null, "W/" + etag).then().statusCode(412);
        step(id, "acknowledge", null, etag.replace("\"", "")).then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
        given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON).body("{}")
                .header("If-Match", "\"999\"").header("If-Match", etag)
                .when().post("/api/v1/escalations/" + id + "/acknowledge").then().statusCode(200);
        String acknowledged = given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/escalations/" + id)
                .then().statusCode(200).extract().header("ETag");
        step(id, "order", "Referral sent", "\"999\", " + acknowledged).then().statusCode(200);
        step(id, "complete", "Seen by the specialist", "*").then().statusCode(200);
        assertThat(transitions(id)).containsExactly("ACKNOWLEDGED", "ORDERED", "COMPLETED");
    }

    /** An open URGENT_MEDICAL_REFERRAL, raised by a red-flag event on the real broker. */
    private String urgentReferral() {
        UUID patientId = Events.registered(CLINIC, null);
        Events.publish(patientId, Events.redFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT,
                SuspectedCondition.MALIGNANCY));
        await().atMost(Duration.ofSeconds(30)).until(() -> !escalations(patientId).isEmpty());
        return escalations(patientId).stream().filter(e -> "URGENT_MEDICAL_REFERRAL".equals(e.get("type")))
                .map(e -> (String) e.get("id")).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> escalations(UUID patientId) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).queryParam("patientId", patientId.toString())
                .get("/api/v1/escalations").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Response step(String id, String step, String reason, String ifMatch) {
        var request = given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/escalations/" + id + "/" + step);
    }

    private List<String> transitions(String id) {
        return pool.preparedQuery("SELECT to_status FROM escalation_transition WHERE escalation_id = $1 "
                        + "AND from_status IS NOT NULL ORDER BY occurred_at")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely()
                .stream().map(row -> row.getString(0)).toList();
    }

    /** The escalation-updated events of this escalation, read up to the end offsets once the outbox is empty. */
    private List<String> updatedEvents(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").execute().await().indefinitely()
                .iterator().next().getLong(0) == 0);
        return TopicProbe.readToEnd(Topic.OUTCOME.topicName()).stream()
                .filter(r -> "backtrack.outcome.escalation-updated.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(r -> parse(r.value()))
                .filter(event -> id.equals(event.path("escalationId").asText()))
                .map(event -> event.path("status").asText())
                .toList();
    }

    private static JsonNode parse(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
