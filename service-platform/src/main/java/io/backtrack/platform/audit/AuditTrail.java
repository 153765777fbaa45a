package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends to the audit chain inside the caller's transaction, so an action and its audit entry
 * commit or roll back together. Appends are serialized by a table lock that leaves readers alone,
 * and each entry is flushed at once so that the next one in the same transaction links to it. The
 * caller's pending writes are flushed before the lock is taken: it is the last lock a transaction
 * takes, so no transaction waits for a row while holding it (which would deadlock with one holding
 * that row and waiting for the audit lock).
 */
@ApplicationScoped
public class AuditTrail {

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(Actor actor, AuditAction action, String resourceType, Object resourceId, UUID patientId) {
        return record(actor, action, resourceType, resourceId, patientId, null);
    }

    public Uni<Void> record(Actor actor, AuditAction action, String resourceType, Object resourceId, UUID patientId,
            String detail) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery("LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE").executeUpdate())
                .chain(() -> session.createNativeQuery(
                        "SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1", String.class).getResultList())
                .chain(last -> session.createNativeQuery("SELECT nextval('audit_entry_seq')", Long.class)
                        .getSingleResult()
                        .map(id -> {
                            AuditEntry entry = new AuditEntry();
                            entry.id = id;
                            entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            entry.actor = actor.subject();
                            entry.actorRole = actor.role();
                            entry.clinicId = actor.clinicId();
                            entry.action = action.name();
                            entry.resourceType = resourceType;
                            entry.resourceId = resourceId == null ? null : resourceId.toString();
                            entry.patientId = patientId;
                            entry.detail = detail;
                            entry.previousHash = last.isEmpty() ? AuditHash.GENESIS : last.get(0);
                            entry.entryHash = AuditHash.of(entry);
                            return entry;
                        }))
                .chain(session::persist)
                .chain(session::flush));
    }
}
