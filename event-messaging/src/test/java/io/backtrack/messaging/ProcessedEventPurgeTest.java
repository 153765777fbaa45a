package io.backtrack.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProcessedEventPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ProcessedEventPurge purge;

    @Inject
    MessagingConfig config;

    /** Inserts {@code count} applied ids of the consumer, named {@code prefix-1...}, applied at {@code at}. */
    private static void applied(String consumer, String prefix, int count, Instant at) {
        Database.count("""
                WITH inserted AS (
                    INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                    SELECT ?, ? || '-' || n, 'backtrack.patient.registered.v1', ? FROM generate_series(1, ?) AS n
                    RETURNING 1)
                SELECT count(*) FROM inserted""", consumer, prefix, Timestamp.from(at), count);
    }

    private static String ids(String consumer) {
        return (String) Database.first("SELECT string_agg(event_id, ',' ORDER BY event_id) FROM processed_event "
                + "WHERE consumer = ?", consumer);
    }

    @Test
    void theHourlyPurgeDeletesTheIdsAppliedBeforeTheRetentionAndKeepsTheOthers() {
        String consumer = "purge-" + UUID.randomUUID();
        Instant cutoff = Instant.now().minus(config.consumer().retention());
        applied(consumer, "expired", 1, cutoff.minus(Duration.ofHours(1)));
        applied(consumer, "kept", 1, cutoff.plus(Duration.ofHours(1)));

        purge.purgeExpired().await().atMost(WAIT);

        assertThat(ids(consumer)).isEqualTo("kept-1");
    }

    @Test
    void aLargePurgeGoesOnBatchAfterBatchUntilNoExpiredIdIsLeft() {
        String consumer = "purge-" + UUID.randomUUID();
        Instant cutoff = Instant.now().minus(Duration.ofDays(1000));
        applied(consumer, "expired", 25, cutoff.minus(Duration.ofDays(1)));
        applied(consumer, "kept", 2, cutoff.plus(Duration.ofDays(1)));

        long deleted = purge.purgeBefore(cutoff, 10).await().atMost(WAIT);

        assertThat(deleted).isEqualTo(25);
        assertThat(ids(consumer)).isEqualTo("kept-1,kept-2");
    }

    @Test
    void theRetentionOutlastsTheTopics() {
        assertThat(config.consumer().retention()).isGreaterThan(Duration.ofDays(90));
    }
}
