package io.backtrack.outcome.measure;

import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.scoring.OdiScore;
import io.backtrack.scoring.Score;
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

/** One outcome measurement: pain NRS, ODI (with raw sum and sections) or PSFS (with its activities). */
@Entity
@Table(name = "measure")
public class Measure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureType type;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** NRS 0–10, ODI percent (half-up, one decimal) or PSFS mean, for display. */
    @Column(nullable = false)
    public BigDecimal value;

    @Column(name = "odi_raw_sum")
    public Integer odiRawSum;

    @Column(name = "odi_sections")
    public Integer odiSections;

    /** PSFS activities and ratings as a JSON array. */
    @Column(name = "psfs_items")
    public String psfsItems;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The fingerprint of the request stored under the idempotency key. */
    @Column(name = "request_hash")
    public String requestHash;

    /** The exact value for comparisons: ODI as its fraction, the others as stored. */
    public Score exact() {
        if (type == MeasureType.ODI) {
            return new OdiScore(odiRawSum, odiSections).exact();
        }
        return Score.of(value);
    }

    public static Uni<List<Measure>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by effectiveDate, recordedAt, id", patientId);
    }

    public static Uni<List<Measure>> between(UUID patientId, MeasureType type, LocalDate from, LocalDate to) {
        return list("patientId = ?1 and type = ?2 and effectiveDate between ?3 and ?4 order by effectiveDate, recordedAt",
                patientId, type, from, to);
    }
}
