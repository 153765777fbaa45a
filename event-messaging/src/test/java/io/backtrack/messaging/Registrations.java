package io.backtrack.messaging;

import io.backtrack.contracts.patient.PatientRegistered;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A business operation as a service writes it: a row and its event in one transaction. */
@ApplicationScoped
public class Registrations {

    private final EventOutbox outbox;

    public Registrations(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Two events for one patient in one transaction, to check they are published in order. */
    @WithTransaction
    public Uni<Void> registerTwice(UUID patientId, String clinicPrefix) {
        return outbox.append(patientId, new PatientRegistered(patientId, clinicPrefix + "-1", null, Instant.now()))
                .chain(() -> outbox.append(patientId, new PatientRegistered(patientId, clinicPrefix + "-2", null, Instant.now())));
    }

    /** An event whose transaction stays open for a while after writing it. */
    @WithTransaction
    public Uni<Void> announce(UUID patientId, String clinicId, Duration holdOpenFor) {
        return outbox.append(patientId, new PatientRegistered(patientId, clinicId, null, Instant.now()))
                .call(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("SELECT 1 FROM pg_sleep(?1)")
                        .setParameter(1, holdOpenFor.toMillis() / 1000.0)
                        .getSingleResult()))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> register(UUID patientId, String clinicId, boolean failAfterWriting) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO registration (patient_id, clinic_id) VALUES (?1, ?2)")
                        .setParameter(1, patientId)
                        .setParameter(2, clinicId)
                        .executeUpdate())
                .chain(() -> outbox.append(patientId, new PatientRegistered(patientId, clinicId, null, Instant.now())))
                .invoke(() -> {
                    if (failAfterWriting) {
                        throw new IllegalStateException("a later step of the operation failed");
                    }
                });
    }
}
