package io.backtrack.patient.redflag;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An EMERGENCY or URGENT red flag: open until a clinician clears it with a reason. */
@Entity
@Table(name = "red_flag")
public class RedFlag extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** The intake whose screen found the flag, or null when a session reported it. */
    @Column(name = "intake_id")
    public UUID intakeId;

    /** The session that reported the flag, or null when an intake screen found it. */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RedFlagCode flag;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspected_condition", nullable = false)
    public SuspectedCondition suspectedCondition;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "clear_reason")
    public String clearReason;

    public boolean isOpen() {
        return clearedAt == null;
    }

    public static Uni<List<RedFlag>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by raisedAt, id", patientId);
    }

    /** The patient's open flag of this kind; null when none is open. */
    public static Uni<RedFlag> openOf(UUID patientId, RedFlagCode flag) {
        return RedFlag.<RedFlag>find("patientId = ?1 and flag = ?2 and clearedAt is null", patientId, flag).firstResult();
    }

    public static Uni<Boolean> noneOpen(UUID patientId) {
        return count("patientId = ?1 and clearedAt is null", patientId).map(open -> open == 0);
    }
}
