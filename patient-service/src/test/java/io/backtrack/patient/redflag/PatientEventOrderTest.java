package io.backtrack.patient.redflag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.patient.Fixtures;
import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A partner reads one patient's events in the order they happened: on the topic, their times never go
 * back, even when two intakes, a clinician clearing a red flag and a session reporting a new one all
 * write about the patient at the same moment.
 */
@QuarkusTest
class PatientEventOrderTest {

    private static final String CLINIC = "clinic-patient-event-order";
    private static final int PATIENTS_PER_ROUND = 6;

    private final Pool pool;

    PatientEventOrderTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void onePatientsEventsReachTheTopicInTheOrderOfTheirTimes() throws Exception {
        long seed = Long.getLong("backtrack.interleavings.seed", System.nanoTime());
        Random random = new Random(seed);
        String token = TestTokens.clinician(CLINIC);
        for (int round = 0; round < 4; round++) {
            String context = "seed " + seed + ", round " + round;
            List<String> patients = new ArrayList<>();
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < PATIENTS_PER_ROUND; i++) {
                String patient = Fixtures.registerPatient(CLINIC, null);
                String openFlag = reportedFlag(patient, RedFlagCode.INFECTION_RISK);
                patients.add(patient);
                for (int intake = 0; intake < 2; intake++) {
                    calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Fixtures.intake().toString()).post("/api/v1/patients/" + patient + "/intakes")
                            .statusCode());
                }
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"reason\":\"Blood tests normal, no fever since\"}")
                        .post("/api/v1/patients/" + patient + "/red-flags/" + openFlag + "/clear").statusCode());
                calls.add(() -> {
                    Fixtures.publishSession(UUID.randomUUID().toString(), Topic.PLAN.ownerSource(), patient, CLINIC,
                            UUID.randomUUID(), List.of(RedFlagCode.FRACTURE_RISK));
                    return 0;
                });
            }
            Collections.shuffle(calls, random);
            assertThat(StartBarrier.together(calls)).as(context).containsOnly(0, 200, 201);

            for (String patient : patients) {
                await().atMost(Duration.ofSeconds(30)).until(() -> flags(patient) == 2);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> pool
                    .preparedQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                    .execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0) == 0);
            List<ConsumerRecord<String, String>> topic = TopicProbe.readToEnd(Topic.PATIENT.topicName());
            for (String patient : patients) {
                List<Instant> times = topic.stream().filter(r -> patient.equals(r.key()))
                        .map(r -> Instant.parse(TopicProbe.header(r, "ce_time"))).toList();
                assertThat(times).as(context + ": events of " + patient).hasSizeGreaterThanOrEqualTo(6).isSorted();
            }
        }
    }

    /** The id of a red flag opened on the patient by a session plan-service reported. */
    private String reportedFlag(String patient, RedFlagCode flag) throws Exception {
        Fixtures.publishSession(UUID.randomUUID().toString(), Topic.PLAN.ownerSource(), patient, CLINIC,
                UUID.randomUUID(), List.of(flag));
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(patient) == 1);
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).get("/api/v1/patients/" + patient + "/red-flags")
                .then().statusCode(200).extract().path("[0].id");
    }

    private long flags(String patient) {
        return pool.preparedQuery("SELECT count(*) FROM red_flag WHERE patient_id = $1")
                .execute(Tuple.of(UUID.fromString(patient))).await().indefinitely().iterator().next().getLong(0);
    }
}
