package io.backtrack.plan;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TopicProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * plan-service's topic as a partner reads it, for "exactly one" and "none" checks: read to its end
 * offsets once the outbox has nothing left to publish, so everything the action wrote is there.
 */
public final class PlanTopic {

    private PlanTopic() {
    }

    /** Every record on the topic once plan-service's outbox has drained. */
    public static List<ConsumerRecord<String, String>> drained(Pool pool) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .execute(Tuple.tuple()).await().indefinitely().iterator().next().getLong(0) == 0);
        return TopicProbe.readToEnd(Topic.PLAN.topicName());
    }

    /** The payloads of every event of the type about the patient, once the outbox has drained. */
    public static List<JsonNode> published(Pool pool, UUID patientId, EventType type) {
        return of(drained(pool), patientId, type);
    }

    public static List<JsonNode> of(List<ConsumerRecord<String, String>> records, UUID patientId, EventType type) {
        return records.stream()
                .filter(r -> patientId.toString().equals(r.key()) && type.ceType().equals(TopicProbe.header(r, "ce_type")))
                .map(r -> payload(r.value())).toList();
    }

    public static JsonNode payload(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
