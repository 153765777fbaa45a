package io.backtrack.outcome.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What outcome-service knows of a patient from patient and plan events: clinic, login, conditions, baselines. */
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

    /** ICD-10-CM codes as a JSON array. */
    @Column(nullable = false)
    public String conditions;

    @Column(name = "motor_deficit_intake", nullable = false)
    public boolean motorDeficitIntake;

    @Column(name = "motor_deficit_session", nullable = false)
    public boolean motorDeficitSession;

    @Column(name = "chronic_pain_syndrome", nullable = false)
    public boolean chronicPainSyndrome;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_back_risk")
    public StartBackRisk startBackRisk;

    @Column(name = "intake_id")
    public UUID intakeId;

    @Column(name = "intake_date")
    public LocalDate intakeDate;

    @Column(name = "baseline_pain_nrs")
    public Integer baselinePainNrs;

    @Column(name = "baseline_odi_percent")
    public BigDecimal baselineOdiPercent;

    @Column(name = "baseline_odi_raw_sum")
    public Integer baselineOdiRawSum;

    @Column(name = "baseline_odi_sections")
    public Integer baselineOdiSections;

    @Column(name = "baseline_psfs_mean")
    public BigDecimal baselinePsfsMean;

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
            profile.conditions = "[]";
            profile.updatedAt = now;
            return profile.<PatientProfile>persist();
        });
    }

    public boolean hasBaseline() {
        return baselinePainNrs != null;
    }

    public boolean hasOdiBaseline() {
        return baselineOdiRawSum != null && baselineOdiSections != null && baselineOdiSections > 0;
    }

    public List<String> conditionCodes() {
        try {
            return EventJson.mapper().readValue(conditions, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conditions are a JSON array", e);
        }
    }

    public void conditionCodes(List<String> codes) {
        try {
            conditions = EventJson.mapper().writeValueAsString(codes == null ? List.of() : codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ClinicalProfile clinical() {
        return new ClinicalProfile(conditionCodes(), motorDeficitIntake || motorDeficitSession, chronicPainSyndrome,
                startBackRisk);
    }
}
