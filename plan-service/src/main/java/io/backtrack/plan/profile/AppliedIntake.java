package io.backtrack.plan.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An intake of patient-service that this service has applied, with its conditions and red flags. */
@Entity
@Table(name = "applied_intake")
public class AppliedIntake extends PanacheEntityBase {

    @Id
    @Column(name = "intake_id")
    public UUID intakeId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "intake_date", nullable = false)
    public LocalDate intakeDate;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
