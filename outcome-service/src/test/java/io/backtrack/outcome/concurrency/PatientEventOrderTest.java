package io.backtrack.outcome.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.Events;
import io.backtrack.outcome.Measures;
import io.backtrack.outcome.Settled;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A partner reads one patient's events in the order they happened: on the topic, their times never go
 * back, even when two measures, a clinician's decision on an escalation and a red flag arriving from
 * patient-service all write about the patient at the same moment.
 */
@QuarkusTest
class PatientEventOrderTest {

    private static final String CLINIC = "clinic-outcome-event-order";
    private static final int PATIENTS_PER_ROUND = 6;

    @Inject
    Pool pool;

    @Test
    void onePatientsEventsReachTheTopicInTheOrderOfTheirTimes() {
        long seed = Long.getLong("backtrack.interleavings.seed", System.nanoTime());
        Random random = new Random(seed);
        String token = TestTokens.clinician(CLINIC);
        for (int round = 0; round < 4; round++) {
            String context = "seed " + seed + ", round " + round;
            List<UUID> patients = new ArrayList<>();
            List<String> redFlagEvents = Collections.synchronizedList(new ArrayList<>());
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < PATIENTS_PER_ROUND; i++) {
                UUID patientId = Events.registered(CLINIC, null);
                String referral = urgentReferral(patientId);
                patients.add(patientId);
                calls.add(() -> Measures.post(token, patientId, Measures.pain(6, Events.TODAY)).extract().statusCode());
                calls.add(() -> Measures.post(token, patientId, Measures.odi(20, Events.TODAY)).extract().statusCode());
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/escalations/" + referral + "/acknowledge").statusCode());
                calls.add(() -> {
                    redFlagEvents.add(Events.publish(patientId, Events.redFlag(patientId, CLINIC,
                            RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY, SuspectedCondition.CAUDA_EQUINA_SYNDROME)));
                    return 0;
                });
            }
            Collections.shuffle(calls, random);
            assertThat(StartBarrier.together(calls)).as(context).doesNotContain(500, 409);

            redFlagEvents.forEach(ceId -> Settled.consumed(pool, ceId));
            await().atMost(Duration.ofSeconds(30)).until(() -> pool
                    .preparedQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                    .execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0) == 0);
            List<ConsumerRecord<String, String>> topic = TopicProbe.readToEnd(Topic.OUTCOME.topicName());
            for (UUID patientId : patients) {
                List<ConsumerRecord<String, String>> events = topic.stream()
                        .filter(r -> patientId.toString().equals(r.key())).toList();
                List<Instant> times = events.stream().map(r -> Instant.parse(TopicProbe.header(r, "ce_time"))).toList();
                assertThat(times).as(context + ": events of " + patientId + " " + events.stream()
                                .map(r -> TopicProbe.header(r, "ce_type")).toList())
                        .hasSizeGreaterThanOrEqualTo(5).isSorted();
            }
        }
    }

    /** The id of an open URGENT_MEDICAL_REFERRAL of the patient, raised by a red flag on the real broker. */
    private static String urgentReferral(UUID patientId) {
        Events.publish(patientId, Events.redFlag(patientId, CLINIC, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT,
                SuspectedCondition.MALIGNANCY));
        await().atMost(Duration.ofSeconds(30)).until(() -> referral(patientId) != null);
        return referral(patientId);
    }

    private static String referral(UUID patientId) {
        List<Map<String, Object>> escalations = given().auth().oauth2(TestTokens.clinician(CLINIC))
                .queryParam("patientId", patientId.toString()).get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return escalations.stream().filter(e -> "URGENT_MEDICAL_REFERRAL".equals(e.get("type")))
                .map(e -> (String) e.get("id")).findFirst().orElse(null);
    }
}
