package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recommendation with a lifecycle; the clinician decides. At most one open per type and patient. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    public static final List<EscalationStatus> OPEN = List.of(EscalationStatus.RECOMMENDED, EscalationStatus.ACKNOWLEDGED,
            EscalationStatus.ORDERED);

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public String ruleVersion;

    @Column(nullable = false)
    public String rationale;

    /** The inputs the rule read, as a JSON object. */
    @Column(nullable = false)
    public String evidence;

    @Column(name = "guideline_reference", nullable = false)
    public String guidelineReference;

    @Column(name = "review_id")
    public UUID reviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "recommended_at", nullable = false)
    public Instant recommendedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Grows with every change; the ETag of the escalation. */
    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public static Uni<Escalation> findOpen(UUID patientId, EscalationType type) {
        return find("patientId = ?1 and type = ?2 and status in ?3", patientId, type, OPEN).firstResult();
    }

    public static Uni<List<Escalation>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by recommendedAt, id", patientId);
    }

    /**
     * The patient's escalations as the caller may see them. They are a clinician's decision support,
     * with the clinician's reasons: the patient themselves sees none, in their progress and timeline as
     * through the escalation API, FHIR Task and CDS Hooks.
     */
    public static Uni<List<Escalation>> ofPatientSeenBy(Caller caller, UUID patientId) {
        return caller.isClinician() ? ofPatient(patientId) : Uni.createFrom().item(List.of());
    }
}
