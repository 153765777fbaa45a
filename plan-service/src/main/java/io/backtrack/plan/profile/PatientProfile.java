package io.backtrack.plan.profile;

import io.backtrack.platform.persistence.IcdCodesColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What this service knows of a patient, kept from patient-service events only. */
@Entity
@Table(name = "patient_profile")
public class PatientProfile extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "login_subject")
    public String loginSubject;

    /** ICD-10-CM codes of the latest intake. */
    @Convert(converter = IcdCodesColumn.class)
    @Column(nullable = false)
    public List<String> conditions;

    @Column(name = "motor_deficit", nullable = false)
    public boolean motorDeficit;

    /** Set once an intake or a session reported a motor deficit, or a progressive-weakness flag was raised; clearing the flag keeps it. */
    @Column(name = "progressive_deficit_recorded", nullable = false)
    public boolean progressiveDeficitRecorded;

    /** The latest intake applied here; null until the first one is. */
    @Column(name = "latest_intake_id")
    public UUID latestIntakeId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
