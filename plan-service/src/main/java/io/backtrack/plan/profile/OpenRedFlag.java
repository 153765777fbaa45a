package io.backtrack.plan.profile;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A red flag not yet cleared: the patient is not cleared for therapy. Most are raised by patient-service.
 * One reported in a session is open here from the session's own transaction ({@code sessionId} set, no
 * urgency yet), so that no resume or revision slips in before patient-service's answer arrives: the
 * red-flag-raised naming that session, for the flag it opened or the open flag it was folded into.
 */
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

    /** EMERGENCY or URGENT, as patient-service raised it; null while a session's report awaits it. */
    @Column
    public String urgency;

    @Column(name = "session_id")
    public UUID sessionId;

    public static Uni<List<OpenRedFlag>> ofPatient(UUID patientId) {
        return list("patientId", patientId);
    }

    /** The flag a session reported, open until patient-service's answer settles it; one per session and kind. */
    public static OpenRedFlag reportedIn(UUID sessionId, UUID patientId, RedFlagCode code) {
        OpenRedFlag flag = new OpenRedFlag();
        flag.flagId = UUID.nameUUIDFromBytes(("session " + sessionId + " " + code).getBytes(StandardCharsets.UTF_8));
        flag.patientId = patientId;
        flag.flag = code.name();
        flag.sessionId = sessionId;
        return flag;
    }

    /** Settles a session's report of this kind: patient-service raised the flag that answers it. */
    public static Uni<Long> settleReported(UUID sessionId, String code) {
        return delete("sessionId = ?1 and flag = ?2", sessionId, code);
    }
}
