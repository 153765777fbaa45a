package io.backtrack.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.messaging.MessagingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the head of every audit chain that grew since it was last anchored to the compacted
 * anchor topic (and, each at DEBUG, to the log). Whoever rewrites the database afterwards cannot
 * rewrite those: the verifier then finds an anchored entry missing or different.
 */
@ApplicationScoped
public class AuditAnchoring {

    /**
     * The columns are named, not taken from {@code *}: a prepared statement's result may not change while
     * it is cached on a pooled connection, and a newer version's migration may add a column meanwhile.
     */
    private static final String ENTRY_COLUMNS = """
            id, occurred_at, actor, actor_role, clinic_id, action, resource_type, resource_id, patient_id, detail,
                   previous_hash, entry_hash, scheme, chain_key, chain_seq""";
    private static final String GROWN_HEADS = """
            WITH head AS (
                SELECT DISTINCT ON (chain_key) %1$s
                  FROM audit_entry
                 WHERE scheme = 2
                   AND chain_key IN (SELECT chain_key FROM audit_entry
                                      WHERE scheme = 2 AND written_at > now() - make_interval(secs => $1))
                 ORDER BY chain_key, chain_seq DESC)
            SELECT %1$s
              FROM head
             WHERE NOT EXISTS (SELECT 1 FROM audit_anchor a
                                WHERE a.chain_key = head.chain_key AND a.chain_seq >= head.chain_seq)"""
            .formatted(ENTRY_COLUMNS);
    private static final String RECORD = """
            INSERT INTO audit_anchor (chain_key, chain_seq, entry_hash, anchored_at)
            SELECT anchored.chain_key, anchored.chain_seq, anchored.entry_hash, $4::timestamptz
              FROM unnest($1::text[], $2::bigint[], $3::text[]) AS anchored(chain_key, chain_seq, entry_hash)
            ON CONFLICT (chain_key) DO UPDATE SET chain_seq = excluded.chain_seq, entry_hash = excluded.entry_hash,
                anchored_at = excluded.anchored_at
             WHERE audit_anchor.chain_seq < excluded.chain_seq""";
    /** Replicas of a service take turns: while one anchors, a round of another finds the lock taken and skips. */
    private static final String TAKE_TURN = "SELECT pg_try_advisory_xact_lock($1)";
    private static final long ANCHORING_LOCK = 0x616e63686f72L;
    private static final int PAGE = 500;

    private final Pool pool;
    private final MutinyEmitter<String> topic;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditConfig config;
    private final String service;
    private final AuditSeal seal;
    private final Counter unsealedHeads;

    public AuditAnchoring(Pool pool, @Channel("audit-anchors") MutinyEmitter<String> topic, ObjectMapper json,
            Clock clock, AuditConfig config, MessagingConfig messaging, AuditSeal seal, MeterRegistry registry) {
        this.pool = pool;
        this.unsealedHeads = Counter.builder("backtrack.audit.unsealed_heads")
                .description("chain heads not anchored because they do not bear the key's seal").register(registry);
        this.seal = seal;
        this.topic = topic;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.service = messaging.source();
    }

    @Scheduled(every = "${backtrack.audit.anchor-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> anchorGrownChains() {
        return pool.withTransaction(connection -> connection.preparedQuery(TAKE_TURN).execute(Tuple.of(ANCHORING_LOCK))
                        .chain(turn -> turn.iterator().next().getBoolean(0)
                                ? connection.prepare(GROWN_HEADS).chain(heads -> anchorAll(heads.cursor(
                                                Tuple.of((double) config.anchorLookback().toSeconds())))
                                        .eventually(heads::close))
                                : Uni.createFrom().item(0L)))
                .invoke(anchored -> {
                    if (anchored > 0) {
                        Log.infof("anchored the heads of %d audit chains", anchored);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A page of heads at a time, each page published and recorded before the next is read: a round's
     * memory does not grow with the number of chains that grew (a day's clocks grow one per patient).
     */
    private Uni<Long> anchorAll(Cursor heads) {
        return heads.read(PAGE).chain(this::anchorPage)
                .repeat().whilst(anchored -> heads.hasMore())
                .collect().with(Collectors.summingLong(Integer::longValue));
    }

    /**
     * Anchors the heads that bear the key's seal (a forged entry must never be vouched for): all
     * published at once, then recorded in one statement once the broker has every one; the number
     * anchored. One line per head at DEBUG, as a busy service anchors thousands a minute.
     */
    private Uni<Integer> anchorPage(RowSet<Row> rows) {
        Instant now = clock.instant();
        List<AuditAnchor> anchors = new ArrayList<>();
        for (Row row : rows) {
            AuditEntry head = entryOf(row);
            if (seal.of(head).equals(head.entryHash)) {
                anchors.add(new AuditAnchor(service, head.chainKey, head.chainSeq, head.entryHash, head.id, now));
            } else {
                Log.errorf("audit chain %s: entry %d (number %d) does not match its seal; the chain is not anchored",
                        head.chainKey, head.id, head.chainSeq);
                unsealedHeads.increment();
            }
        }
        if (anchors.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(anchors.stream().map(this::publish).toList()).andFailFast()
                .chain(() -> pool.preparedQuery(RECORD).execute(Tuple.tuple()
                        .addArrayOfString(anchors.stream().map(AuditAnchor::chain).toArray(String[]::new))
                        .addArrayOfLong(anchors.stream().map(AuditAnchor::seq).toArray(Long[]::new))
                        .addArrayOfString(anchors.stream().map(AuditAnchor::hash).toArray(String[]::new))
                        .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .replaceWith(anchors.size());
    }

    private Uni<Void> publish(AuditAnchor anchor) {
        Message<String> message = Message.of(write(anchor)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(anchor.key()).build());
        return topic.sendMessage(message)
                .invoke(() -> Log.debugf("audit anchor %s seq %d %s", anchor.key(), anchor.seq(), anchor.hash()));
    }

    private static AuditEntry entryOf(Row row) {
        AuditEntry entry = new AuditEntry();
        entry.id = row.getLong("id");
        entry.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
        entry.actor = row.getString("actor");
        entry.actorRole = row.getString("actor_role");
        entry.clinicId = row.getString("clinic_id");
        entry.action = row.getString("action");
        entry.resourceType = row.getString("resource_type");
        entry.resourceId = row.getString("resource_id");
        entry.patientId = row.getUUID("patient_id");
        entry.detail = row.getString("detail");
        entry.previousHash = row.getString("previous_hash");
        entry.entryHash = row.getString("entry_hash");
        entry.scheme = row.getShort("scheme");
        entry.chainKey = row.getString("chain_key");
        entry.chainSeq = row.getLong("chain_seq");
        return entry;
    }

    private String write(AuditAnchor anchor) {
        try {
            return json.writeValueAsString(anchor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an anchor is plain data", e);
        }
    }
}
