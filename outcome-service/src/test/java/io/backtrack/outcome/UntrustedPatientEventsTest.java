package io.backtrack.outcome;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A red flag about a patient outcome-service never registered opens no escalation in any clinic. */
@QuarkusTest
class UntrustedPatientEventsTest {

    private final Pool pool;

    UntrustedPatientEventsTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void aRedFlagForAPatientNeverRegisteredIsDeadLetteredNotEscalated() {
        UUID stranger = UUID.randomUUID();
        Events.publish(stranger, Events.redFlag(stranger, "clinic-north", RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY,
                SuspectedCondition.CAUDA_EQUINA_SYNDROME));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readToEnd(Topic.PATIENT.deadLetterTopicName())
                .stream().anyMatch(r -> stranger.toString().equals(r.key())
                        && TopicProbe.header(r, "dead-letter-reason").contains("outcome-service")));
        given().auth().oauth2(TestTokens.clinician("clinic-north"))
                .queryParam("patientId", stranger.toString()).get("/api/v1/escalations")
                .then().statusCode(404);
        assertThat(pool.preparedQuery("SELECT count(*) FROM escalation WHERE patient_id = $1").execute(Tuple.of(stranger))
                .await().indefinitely().iterator().next().getLong(0)).isZero();
    }
}
