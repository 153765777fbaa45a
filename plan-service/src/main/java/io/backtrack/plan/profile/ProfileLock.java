package io.backtrack.plan.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Serializes, per patient, everything that writes about the patient: applying patient-service's
 * facts, changing the patient's plans, logging sessions and firing clocks. Each takes the patient's
 * profile row FOR UPDATE before it writes anything (the clock job with SKIP LOCKED), so whichever commits
 * second sees the first, and stamps its events' times after the first committed: one patient's
 * events reach the topic in the order of their times.
 */
@ApplicationScoped
public class ProfileLock {

    /** The locked profile, or null when this service does not know the patient (yet). */
    public Uni<PatientProfile> lock(UUID patientId) {
        return PatientProfile.findById(patientId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The patient a plan belongs to, read without loading the plan, so it is loaded only under the lock. */
    public Uni<UUID> patientOfPlan(UUID planId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select p.patientId from Plan p where p.id = :id", UUID.class)
                .setParameter("id", planId)
                .getSingleResultOrNull());
    }
}
