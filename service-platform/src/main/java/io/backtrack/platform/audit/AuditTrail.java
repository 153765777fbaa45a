package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The audit trail of patient data access: one chain per patient (see {@link AuditChains}), each entry
 * sealed with the key of {@link AuditSeal} and linked to the one before it; {@link AuditAnchoring}
 * publishes the chains' heads outside the database and {@link AuditChainVerifier} checks both.
 */
@ApplicationScoped
public class AuditTrail {

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
                .chain(() -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:chain, 0))")
                        .setParameter("chain", chain).getSingleResult())
                .chain(() -> session.<Object[]>createNativeQuery("""
                                SELECT nextval('audit_entry_seq'),
                                       (SELECT max(chain_seq) FROM audit_entry WHERE scheme = 2 AND chain_key = :chain),
                                       (SELECT entry_hash FROM audit_entry WHERE scheme = 2 AND chain_key = :chain
                                         ORDER BY chain_seq DESC LIMIT 1)""")
                        .setParameter("chain", chain).getSingleResult())
                .map(head -> {
                    AuditEntry entry = new AuditEntry();
                    entry.id = ((Number) head[0]).longValue();
                    entry.scheme = 2;
                    entry.chainKey = chain;
                    entry.chainSeq = head[1] == null ? 1L : ((Number) head[1]).longValue() + 1;
                    entry.previousHash = head[2] == null ? AuditSeal.GENESIS : (String) head[2];
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
                })
                .chain(session::persist)
                .chain(session::flush));
    }
}
