package io.backtrack.outcome;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Waits on conditions, never on time: until outcome-service has consumed an event, and until its
 * outbox has drained, so that "none" and "exactly one" checks read the topic to its end after the fact.
 */
public final class Settled {

    private Settled() {
    }

    public static void consumed(Pool pool, String ceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool,
                "SELECT count(*) FROM processed_event WHERE event_id = $1", Tuple.of(ceId)) > 0);
    }

    /** Every event of the type about the patient on the outcome topic, once nothing is left to publish. */
    public static List<JsonNode> published(Pool pool, UUID patientId, EventType type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool,
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Tuple.tuple()) == 0);
        return OutcomeTopic.toEnd(patientId, type);
    }

    private static long count(Pool pool, String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }
}
