package io.backtrack.patient.redflag;

import io.backtrack.contracts.patient.RedFlagCleared;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.patient.access.PatientAccess;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Lists a patient's red flags and lets a clinician clear one, with a reason, after assessment. */
@RequestScoped
public class RedFlagService {

    static final String RESOURCE = "red-flag";

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public RedFlagService(Caller caller, PatientAccess access, AuditTrail audit, EventOutbox outbox, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<RedFlagView>> list(UUID patientId) {
        return access.find(patientId)
                .chain(patient -> RedFlag.ofPatient(patientId))
                .map(flags -> flags.stream().map(RedFlagView::of).toList())
                .call(views -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, patientId, "list"));
    }

    @WithTransaction
    public Uni<RedFlagView> clear(UUID patientId, UUID flagId, String reason) {
        return access.findForChange(patientId)
                .chain(patient -> RedFlag.<RedFlag>find("id = ?1 and patientId = ?2", flagId, patientId).<RedFlag>firstResult())
                .invoke(flag -> {
                    if (flag == null) {
                        throw new ProblemException(Problem.notFound("No red flag " + flagId + " for this patient."));
                    }
                    if (!flag.isOpen()) {
                        throw new ProblemException(Problem.conflict("red-flag-already-cleared",
                                "This red flag was cleared at " + flag.clearedAt + "."));
                    }
                    flag.clearedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    flag.clearedBy = caller.subject();
                    flag.clearReason = reason.trim();
                })
                .call(flag -> RedFlag.count("patientId = ?1 and clearedAt is null and id <> ?2", patientId, flagId)
                        .chain(stillOpen -> outbox.append(patientId, new RedFlagCleared(patientId, flag.clinicId,
                                flag.id, flag.flag, stillOpen == 0, flag.clearedAt))))
                .call(flag -> audit.record(Actor.of(caller), AuditAction.TRANSITION, RESOURCE, flag.id, patientId,
                        "cleared " + flag.flag + ": " + flag.clearReason))
                .map(RedFlagView::of);
    }
}
