package io.backtrack.outcome.profile;

import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.platform.persistence.IcdCodesColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What outcome-service knows of a patient from patient and plan events: clinic, login, conditions ({@link IntakeBaseline} keeps the baselines). */
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
    @Column(nullable = false)
    @Convert(converter = IcdCodesColumn.class)
    public List<String> conditions;

    @Column(name = "motor_deficit_intake", nullable = false)
    public boolean motorDeficitIntake;

    @Column(name = "motor_deficit_session", nullable = false)
    public boolean motorDeficitSession;

    @Column(name = "chronic_pain_syndrome", nullable = false)
    public boolean chronicPainSyndrome;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_back_risk")
    public StartBackRisk startBackRisk;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<PatientProfile> findOrCreate(UUID patientId, String clinicId, Instant now) {
        return PatientProfile.<PatientProfile>findById(patientId).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            PatientProfile profile = new PatientProfile();
            profile.patientId = patientId;
            profile.clinicId = clinicId;
            profile.conditions = List.of();
            profile.updatedAt = now;
            return profile.<PatientProfile>persist();
        });
    }

    public ClinicalProfile clinical() {
        return new ClinicalProfile(conditions, motorDeficitIntake || motorDeficitSession, chronicPainSyndrome,
                startBackRisk);
    }
}
