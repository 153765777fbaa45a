package io.backtrack.plan.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A red flag raised by patient-service and not yet cleared: the patient is not cleared for therapy. */
@Entity
@Table(name = "open_red_flag")
public class OpenRedFlag extends PanacheEntityBase {

    @Id
    @Column(name = "flag_id")
    public UUID flagId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String flag;

    @Column(nullable = false)
    public String urgency;

    public static Uni<List<OpenRedFlag>> ofPatient(UUID patientId) {
        return list("patientId", patientId);
    }
}
