package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * One patient's writes, one transaction at a time. A transaction that writes events about a patient
 * takes this lock before it writes anything or stamps any time, and holds it until it commits:
 * whoever comes second stamps later and writes later, so the patient's events reach the topic in the
 * order of their times. It is the lock the patient's audit chain is appended under
 * ({@link AuditTrail}), so appending the transaction's audit entry later never waits on it again.
 */
@ApplicationScoped
public class PatientLock {

    /** The lock of an audit chain by its key; a patient's chain key is this patient lock's. */
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))";

    /** Waits for the lock, in the caller's Hibernate transaction. */
    public Uni<Void> hold(UUID patientId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(AuditTrail.forHibernate(LOCK))
                        .setParameter(1, AuditChains.keyOf(patientId, null))
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Takes the lock only if no other transaction holds it: for a job that must never wait on a patient. */
    public Uni<Boolean> tryHold(UUID patientId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TRY_LOCK, Boolean.class)
                .setParameter(1, AuditChains.keyOf(patientId, null))
                .getSingleResult());
    }
}
