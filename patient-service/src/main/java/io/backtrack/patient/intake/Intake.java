package io.backtrack.patient.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One intake: the answers as recorded and the assessment derived from them, both as JSON. */
@Entity
@Table(name = "intake")
public class Intake extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "intake_date", nullable = false)
    public LocalDate intakeDate;

    @Column(nullable = false)
    public String answers;

    @Column(nullable = false)
    public String assessment;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The Idempotency-Key the intake was posted with, if any, and the fingerprint of that request. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;
}
