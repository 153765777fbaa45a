package io.backtrack.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes pending outbox rows to Kafka in id order and marks them published only after the broker
 * acknowledged every one of them (acks=all, idempotent producer). Rows whose writing transaction is
 * younger than a transaction still in flight wait, so a later write never overtakes an earlier one.
 * It wakes on NOTIFY and polls as a fallback. Across replicas, a transaction-scoped advisory lock
 * lets one relay drain at a time, which keeps the per-patient order that a parallel drain would
 * break; the others find the lock taken and return at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final String PENDING = """
            SELECT id, event_id, topic, event_type, source, record_key, occurred_at, payload
              FROM outbox_event
             WHERE published_at IS NULL
               AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY id
             LIMIT $1
               FOR UPDATE SKIP LOCKED""";

    private final Pool pool;
    private final MutinyEmitter<String> producer;
    private final OutboxListener listener;
    private final Clock clock;
    private final MessagingConfig config;
    private final Counter published;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainRequested = new AtomicBoolean();

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> producer, OutboxListener listener,
            Clock clock, MessagingConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.listener = listener;
        this.clock = clock;
        this.config = config;
        this.published = registry.counter("backtrack.outbox.published");
    }

    void onStart(@Observes StartupEvent event) {
        listener.start(this::requestDrain);
    }

    void onStop(@Observes ShutdownEvent event) {
        listener.stop();
    }

    @Scheduled(every = "${backtrack.messaging.relay.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestDrain();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgePublished() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(config.relay().retention()), ZoneOffset.UTC);
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < $1")
                .execute(Tuple.of(before))
                .replaceWithVoid();
    }

    /** Drains until the outbox is empty; a request that arrives mid-drain causes one more round. */
    public void requestDrain() {
        drainRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            drainRequested.set(false);
            drainAll().subscribe().with(
                    ignored -> finishDrain(),
                    failure -> {
                        Log.warnf("Outbox relay round failed, retrying on the next poll: %s", failure.toString());
                        draining.set(false);
                    });
        }
    }

    private void finishDrain() {
        draining.set(false);
        if (drainRequested.get()) {
            requestDrain();
        }
    }

    private Uni<Void> drainAll() {
        return drainBatch().chain(count -> count == config.relay().batchSize() ? drainAll() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch in one transaction; the number of rows published. */
    Uni<Integer> drainBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery(PENDING).execute(Tuple.of(config.relay().batchSize()))
                .chain(rows -> send(rows).chain(ids -> markPublished(connection, ids)));
    }

    /** Hands every record to the producer in id order before waiting, so they pipeline yet stay ordered. */
    private Uni<List<Long>> send(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            acks.add(producer.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                .replaceWith(ids);
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return connection.preparedQuery("UPDATE outbox_event SET published_at = $1 WHERE id = ANY($2)")
                .execute(Tuple.of(now, ids.toArray(Long[]::new)))
                .invoke(() -> published.increment(ids.size()))
                .replaceWith(ids.size());
    }

    private static Message<String> toMessage(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, row.getUUID("event_id").toString());
        header(headers, CloudEventHeaders.SOURCE, row.getString("source"));
        header(headers, CloudEventHeaders.TYPE, row.getString("event_type"));
        header(headers, CloudEventHeaders.SUBJECT, row.getString("record_key"));
        header(headers, CloudEventHeaders.TIME, row.getOffsetDateTime("occurred_at").toInstant().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(headers)
                .build();
        return Message.of(row.getString("payload")).addMetadata(metadata);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
