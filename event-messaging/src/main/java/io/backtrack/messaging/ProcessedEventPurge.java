package io.backtrack.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * Keeps the idempotent consumers' record of applied events ({@link InboundEvents}) from growing with
 * every event ever consumed: each hour the ids applied longer ago than
 * {@code backtrack.messaging.consumer.retention} are deleted, one batch per statement, so no
 * transaction holds many rows and the claims go on meanwhile. Replicas may purge at the same time: a
 * row one of them deletes, the other skips.
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final int BATCH = 10_000;
    private static final String PURGE = """
            DELETE FROM processed_event WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM processed_event WHERE processed_at < $1 LIMIT $2))""";

    private final Pool pool;
    private final MessagingConfig config;
    private final Clock clock;

    public ProcessedEventPurge(Pool pool, MessagingConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeExpired() {
        return purgeBefore(clock.instant().minus(config.consumer().retention()), BATCH).replaceWithVoid();
    }

    /** Deletes the ids applied before {@code before}, {@code batch} per statement; how many it deleted. */
    Uni<Long> purgeBefore(Instant before, int batch) {
        Tuple expired = Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC), batch);
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(PURGE).execute(expired).map(RowSet::rowCount))
                .whilst(deleted -> deleted == batch)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }
}
