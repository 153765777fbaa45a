package io.backtrack.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes pending outbox rows to Kafka in id order and marks each row published once the broker
 * acknowledged it (acks=all, idempotent producer). No transaction stays open while it waits for the
 * broker: the rows are read, sent and marked in separate short statements, so an outage neither
 * holds back the database's cleanup nor makes a whole batch go out again.
 * <p>
 * A row waits while a writing transaction of the same database that began before its own is still
 * open, so a later write never overtakes an earlier one, and so do the rows after it: a transaction
 * that began early but wrote late (it waited for a patient's lock) would otherwise go out ahead of
 * rows written before its own. Transactions of other databases on the same cluster do not count: they
 * cannot write this outbox (see {@link #PENDING}).
 * <p>
 * It drains when a transaction of this process that wrote rows commits, where it learns of the commit
 * (see {@link EventOutbox} and {@link #committed}), looks again shortly after this process wrote rows
 * otherwise ({@link #expectRows}), and polls as a fallback.
 * Writers send no NOTIFY: PostgreSQL serializes the commits of every notifying transaction of the
 * cluster, the WAL flush included, which took about a quarter off what the database commits at 16 clients
 * (docs/performance.md). Across replicas, a session advisory lock, held on one
 * connection for the drain, lets one relay drain at a time, which keeps the per-patient order that
 * a parallel drain would break; the others find the lock taken and return at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /**
     * The transactions in flight are those of the statement's own snapshot, so they agree with the rows
     * it sees: read from pg_stat_activity, a transaction that ended between the snapshot and the read
     * would be missing while its rows are not visible yet, and a row written after them would go first.
     * pg_stat_activity only names the transactions of other databases on the same cluster (by their
     * 32-bit xids), which do not count: they cannot write this outbox. Without one in flight, every
     * committed row may go. Rows are read in id order, each marked ready or not; only those before the
     * first row that is not ready go.
     */
    static final String PENDING = """
            WITH snapshot AS (
                 SELECT pg_current_snapshot() AS taken),
                 elsewhere AS (
                 SELECT backend_xid::text::bigint AS xid32 FROM pg_stat_activity
                  WHERE datname IS DISTINCT FROM current_database() AND backend_xid IS NOT NULL),
                 oldest AS (
                 SELECT min(x::text::bigint) AS xid
                   FROM snapshot, pg_snapshot_xip(snapshot.taken) AS x
                  WHERE (x::text::bigint & 4294967295) NOT IN (SELECT xid32 FROM elsewhere))
            SELECT id, event_id, topic, event_type, source, record_key, occurred_at, payload, traceparent,
                   tx_id::text::bigint < coalesce(oldest.xid, pg_snapshot_xmax(snapshot.taken)::text::bigint) AS ready
              FROM outbox_event, snapshot, oldest
             WHERE published_at IS NULL
             ORDER BY id
             LIMIT $1""";

    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = $1 WHERE id = ANY($2)";

    private final Pool pool;
    private final MutinyEmitter<String> producer;
    private final Clock clock;
    private final MessagingConfig config;
    private final Counter published;
    private final Counter heldBack;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final AtomicReference<Duration> heldBackWait;
    private final AtomicLong expectingUntil = new AtomicLong(System.nanoTime());
    private final AtomicBoolean lookSoonScheduled = new AtomicBoolean();

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> producer, Clock clock,
            MessagingConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.clock = clock;
        this.config = config;
        this.published = registry.counter("backtrack.outbox.published");
        this.heldBack = registry.counter("backtrack.outbox.held_back_rounds");
        this.heldBackWait = new AtomicReference<>(config.relay().heldBackRetry());
    }

    /**
     * Rows are being written in a transaction of this process. They can be sent once it commits, which
     * the relay is not told, so until {@code expect-window} after the last such write it looks again
     * every {@code held-back-retry}. Each replica's relay looks for the rows its own process wrote; the
     * poll finds any other (rows of a replica that stopped before it sent them).
     */
    void expectRows() {
        expectingUntil.set(System.nanoTime() + config.relay().expectWindow().toNanos());
        lookSoon();
    }

    /**
     * A transaction of this process committed that may have written rows (one in the window of
     * {@link #expectRows}): they go at once rather than at the next look.
     */
    void committed() {
        if (expecting()) {
            requestDrain();
        }
    }

    private void lookSoon() {
        if (lookSoonScheduled.compareAndSet(false, true)) {
            Uni.createFrom().voidItem().onItem().delayIt().by(config.relay().heldBackRetry()).subscribe().with(ignored -> {
                lookSoonScheduled.set(false);
                requestDrain();
            });
        }
    }

    private boolean expecting() {
        return System.nanoTime() - expectingUntil.get() < 0;
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

    /**
     * Drains until the outbox is empty; a request that arrives mid-drain causes one more round. Rows
     * held back behind a transaction still in flight are tried again shortly, since nothing tells the
     * relay when that transaction ends; the wait doubles while they stay held back, up to the poll
     * interval.
     */
    public void requestDrain() {
        drainRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            drainRequested.set(false);
            drainAll().subscribe().with(
                    this::finishDrain,
                    failure -> {
                        Log.warnf("Outbox relay round failed, retrying on the next poll: %s", failure.toString());
                        draining.set(false);
                    });
        }
    }

    private void finishDrain(Round last) {
        draining.set(false);
        if (drainRequested.get()) {
            requestDrain();
        } else if (last.heldBack()) {
            Duration wait = heldBackWait.getAndUpdate(
                    current -> min(current.multipliedBy(2), config.relay().pollInterval()));
            Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(ignored -> requestDrain());
        } else {
            heldBackWait.set(config.relay().heldBackRetry());
            if (expecting()) {
                lookSoon();
            }
        }
    }

    /**
     * Batches one after another, without nesting, while they come back full, on one connection that
     * holds the relay lock for the whole drain; the last one.
     */
    private Uni<Round> drainAll() {
        return pool.getConnection().chain(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? publishWhileFull(connection).eventually(() -> unlock(connection))
                        : Uni.createFrom().item(new Round(0, false)))
                .eventually(connection::close));
    }

    private Uni<Round> publishWhileFull(SqlConnection connection) {
        return publishPending(connection).repeat().whilst(round -> round.published() == config.relay().batchSize())
                .collect().last();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One batch: how many rows the broker acknowledged, and whether rows after them had to wait. */
    private record Round(int published, boolean heldBack) {
    }

    private static Uni<Void> unlock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(RELAY_LOCK))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private Uni<Round> publishPending(SqlConnection connection) {
        return connection.preparedQuery(PENDING).execute(Tuple.of(config.relay().batchSize()))
                .chain(pending -> {
                    List<Row> rows = readyInOrder(pending);
                    if (rows.size() < pending.size()) {
                        heldBack.increment();
                    }
                    return send(rows).chain(batch -> markPublished(connection, batch.acknowledged())
                            .invoke(() -> batch.failure().ifPresent(failure -> {
                                throw new IllegalStateException((rows.size() - batch.acknowledged().size())
                                        + " outbox rows not acknowledged; they go again on the next round", failure);
                            })))
                            .map(published -> new Round(published, rows.size() < pending.size()));
                });
    }

    /** The pending rows up to the first one that must wait. */
    private static List<Row> readyInOrder(RowSet<Row> pending) {
        List<Row> ready = new ArrayList<>();
        for (Row row : pending) {
            if (!row.getBoolean("ready")) {
                break;
            }
            ready.add(row);
        }
        return ready;
    }

    /** What the broker acknowledged of one batch, and the first failure if it did not take all of it. */
    private record SentBatch(List<Long> acknowledged, Optional<Throwable> failure) {
    }

    /** Hands every record to the producer in id order before waiting, so they pipeline yet stay ordered. */
    private Uni<SentBatch> send(List<Row> rows) {
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<CompletableFuture<Void>> settled = new ArrayList<>();
        for (Row row : rows) {
            long id = row.getLong("id");
            settled.add(producer.sendMessage(toMessage(row)).subscribeAsCompletionStage()
                    .handle((ok, failure) -> {
                        if (failure == null) {
                            acknowledged.add(id);
                        } else {
                            firstFailure.compareAndSet(null, failure);
                        }
                        return null;
                    }));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)))
                .map(ignored -> new SentBatch(List.copyOf(acknowledged), Optional.ofNullable(firstFailure.get())));
    }

    /**
     * Marks the rows published without waiting for the mark to reach the disk: should PostgreSQL
     * crash before it does, those rows go out again, which at-least-once delivery allows and the
     * idempotent consumers absorb. Every round's commit would otherwise wait for a WAL flush.
     */
    private Uni<Integer> markPublished(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return connection.begin().chain(transaction -> Uni.combine().all()
                        .unis(connection.query("SET LOCAL synchronous_commit = off").execute(),
                                connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(now, ids.toArray(Long[]::new))))
                        .discardItems()
                        .chain(transaction::commit)
                        .onFailure().call(() -> transaction.rollback().onFailure().recoverWithNull()))
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
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            header(headers, TraceParent.HEADER, traceparent);
        }
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
