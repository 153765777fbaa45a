package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The audit trail of patient data access: one chain per patient (see {@link AuditChains}), each entry
 * sealed with the key of {@link AuditSeal} and linked to the one before it; {@link AuditAnchoring}
 * publishes the chains' heads outside the database and {@link AuditChainVerifier} checks both.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String HEAD = """
            SELECT nextval('audit_entry_seq'),
                   (SELECT max(chain_seq) FROM audit_entry WHERE scheme = 2 AND chain_key = $1),
                   (SELECT entry_hash FROM audit_entry WHERE scheme = 2 AND chain_key = $1
                     ORDER BY chain_seq DESC LIMIT 1)""";
    /** The chains of a comma-separated list of keys (no key holds a comma), locked in the list's order. */
    private static final String LOCK_EACH = """
            SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
              FROM unnest(string_to_array(?1, ',')) WITH ORDINALITY AS chains(k, n)""";
    private static final String HEADS = """
            SELECT chains.k, nextval('audit_entry_seq'), head.chain_seq, head.entry_hash
              FROM unnest(string_to_array(?1, ',')) WITH ORDINALITY AS chains(k, n)
                   LEFT JOIN LATERAL (SELECT chain_seq, entry_hash FROM audit_entry
                                       WHERE scheme = 2 AND chain_key = chains.k
                                       ORDER BY chain_seq DESC LIMIT 1) head ON true
             ORDER BY chains.n""";
    private static final String INSERT = """
            INSERT INTO audit_entry (id, occurred_at, actor, actor_role, clinic_id, action, resource_type, resource_id,
                                     patient_id, detail, previous_hash, entry_hash, scheme, chain_key, chain_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""";

    private final Clock clock;
    private final AuditSeal seal;

    public AuditTrail(Clock clock, AuditSeal seal) {
        this.clock = clock;
        this.seal = seal;
    }

    public Uni<Void> record(Actor actor, AuditAction action, String resourceType, Object resourceId, UUID patientId) {
        return record(actor, action, resourceType, resourceId, patientId, null);
    }

    /**
     * Appends the entry to its chain in the caller's transaction, so it commits with the action or
     * not at all. Only entries of the same chain (the same patient) wait for each other, on a
     * transaction-scoped advisory lock; the lock is taken after the caller's pending changes are
     * flushed, so they never wait behind it.
     */
    public Uni<Void> record(Actor actor, AuditAction action, String resourceType, Object resourceId, UUID patientId,
            String detail) {
        String chain = AuditChains.keyOf(patientId, actor.clinicId());
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(forHibernate(PatientLock.LOCK)).setParameter(1, chain)
                        .getSingleResult())
                .chain(() -> session.<Object[]>createNativeQuery(forHibernate(HEAD)).setParameter(1, chain).getSingleResult())
                .map(head -> entry(actor, action, resourceType, resourceId, patientId, detail, chain,
                        ((Number) head[0]).longValue(), (Number) head[1], (String) head[2]))
                .chain(session::persist)
                .chain(session::flush));
    }

    /**
     * The same, in the transaction of {@code connection}, for a hot path that writes with the SQL
     * client: the lock and the head are asked for together, pipelined behind what the caller sent
     * before. PostgreSQL runs them in order, so the head is read after the lock is held.
     */
    public Uni<Void> record(SqlConnection connection, Actor actor, AuditAction action, String resourceType,
            Object resourceId, UUID patientId, String detail) {
        String chain = AuditChains.keyOf(patientId, actor.clinicId());
        Tuple key = Tuple.of(chain);
        return Uni.combine().all()
                .unis(connection.preparedQuery(PatientLock.LOCK).execute(key),
                        connection.preparedQuery(HEAD).execute(key))
                .with((locked, heads) -> {
                    Row head = heads.iterator().next();
                    return entry(actor, action, resourceType, resourceId, patientId, detail, chain, head.getLong(0),
                            head.getLong(1), head.getString(2));
                })
                .chain(entry -> connection.preparedQuery(INSERT).execute(Tuple.tuple()
                        .addLong(entry.id)
                        .addOffsetDateTime(OffsetDateTime.ofInstant(entry.occurredAt, ZoneOffset.UTC))
                        .addString(entry.actor)
                        .addString(entry.actorRole)
                        .addString(entry.clinicId)
                        .addString(entry.action)
                        .addString(entry.resourceType)
                        .addString(entry.resourceId)
                        .addUUID(entry.patientId)
                        .addString(entry.detail)
                        .addString(entry.previousHash)
                        .addString(entry.entryHash)
                        .addShort(entry.scheme)
                        .addString(entry.chainKey)
                        .addLong(entry.chainSeq)))
                .replaceWithVoid();
    }

    /**
     * An entry in the chain of each of {@code patientIds}, in the caller's transaction: what a search
     * disclosed, so that each patient's trail shows who found them. The chains are locked in one
     * statement, in the order of their keys, so two such transactions never wait on each other in a
     * cycle (a transaction of one patient holds one chain); their heads are read in one more. A
     * transaction that also appends to a clinic's chain appends there after this.
     */
    public Uni<Void> recordEach(Actor actor, AuditAction action, String resourceType, Collection<UUID> patientIds,
            String detail) {
        SortedMap<String, UUID> chains = new TreeMap<>();
        patientIds.forEach(id -> chains.put(AuditChains.keyOf(id, null), id));
        if (chains.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String keys = String.join(",", chains.keySet());
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(LOCK_EACH).setParameter(1, keys).getSingleResult())
                .chain(() -> session.<Object[]>createNativeQuery(HEADS).setParameter(1, keys).getResultList())
                .map(heads -> heads.stream().map(head -> {
                    UUID patientId = chains.get((String) head[0]);
                    return entry(actor, action, resourceType, patientId, patientId, detail, (String) head[0],
                            ((Number) head[1]).longValue(), (Number) head[2], (String) head[3]);
                }).toArray())
                .chain(entries -> session.persistAll(entries))
                .chain(session::flush));
    }

    /** Hibernate's native queries number their parameters ?1, the SQL client's $1. */
    static String forHibernate(String sql) {
        return sql.replace("$1", "?1");
    }

    /** The sealed entry that follows the chain's head ({@code lastSeq} and {@code lastHash} null: none yet). */
    private AuditEntry entry(Actor actor, AuditAction action, String resourceType, Object resourceId, UUID patientId,
            String detail, String chain, long id, Number lastSeq, String lastHash) {
        AuditEntry entry = new AuditEntry();
        entry.id = id;
        entry.scheme = 2;
        entry.chainKey = chain;
        entry.chainSeq = lastSeq == null ? 1L : lastSeq.longValue() + 1;
        entry.previousHash = lastHash == null ? AuditSeal.GENESIS : lastHash;
        entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor.subject();
        entry.actorRole = actor.role();
        entry.clinicId = actor.clinicId();
        entry.action = action.name();
        entry.resourceType = resourceType;
        entry.resourceId = resourceId == null ? null : resourceId.toString();
        entry.patientId = patientId;
        entry.detail = detail;
        entry.entryHash = seal.of(entry);
        return entry;
    }
}
