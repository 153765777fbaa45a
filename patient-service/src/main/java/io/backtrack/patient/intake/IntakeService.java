package io.backtrack.patient.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.contracts.clinical.RedFlagFinding;
import io.backtrack.contracts.patient.IntakeBaseline;
import io.backtrack.contracts.patient.IntakeCompleted;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.patient.access.PatientAccess;
import io.backtrack.patient.redflag.RedFlag;
import io.backtrack.patient.redflag.RedFlagView;
import io.backtrack.patient.registration.Patient;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.backtrack.scoring.LowBackCodes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records intake assessments: screens them, opens red flags and publishes what partners need. */
@RequestScoped
public class IntakeService {

    static final String RESOURCE = "intake";

    private final Caller caller;
    private final PatientAccess access;
    private final IntakeScreening screening;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public IntakeService(Caller caller, PatientAccess access, IntakeScreening screening,
            AuditTrail audit, EventOutbox outbox, ObjectMapper json, IdempotencyKeys keys, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.screening = screening;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.keys = keys;
        this.clock = clock;
    }

    /** An intake as recorded, and whether this request was a retry that recorded nothing. */
    public record Recorded(IntakeView view, boolean replayed) {
    }

    /**
     * The patient's row is locked before anything is read ({@link PatientAccess#findForChange}): a keyed
     * retry running at the same moment as its original waits for it and finds its intake.
     */
    @WithTransaction
    public Uni<Recorded> record(UUID patientId, IntakeRequest request, String idempotencyKey) {
        LocalDate intakeDate = request.intakeDate() == null ? LocalDate.now(clock) : request.intakeDate();
        rejectInconsistent(request, intakeDate);
        return access.findForChange(patientId)
                .invoke(patient -> rejectBeforeBirth(patient, request, intakeDate))
                .chain(patient -> recordedUnder(patientId, idempotencyKey).chain(earlier -> earlier != null
                        ? replay(earlier, request, idempotencyKey)
                        : RedFlag.noneOpen(patientId)
                                .chain(noneOpenBefore -> save(patient, request, intakeDate, noneOpenBefore, idempotencyKey))
                                .map(view -> new Recorded(view, false))));
    }

    /** The patient's intake recorded under the key; none without a key. */
    private static Uni<Intake> recordedUnder(UUID patientId, String idempotencyKey) {
        return idempotencyKey == null ? Uni.createFrom().nullItem()
                : Intake.find("patientId = ?1 and idempotencyKey = ?2", patientId, idempotencyKey).firstResult();
    }

    private Uni<Recorded> replay(Intake earlier, IntakeRequest request, String idempotencyKey) {
        keys.requireSameRequest(idempotencyKey, earlier.requestHash, request);
        return RedFlag.ofPatient(earlier.patientId)
                .map(flags -> new Recorded(view(earlier, flags), true))
                .call(() -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, earlier.id, earlier.patientId,
                        "idempotent replay"));
    }

    @WithTransaction
    public Uni<List<IntakeView>> list(UUID patientId) {
        return access.find(patientId)
                .chain(patient -> Intake.<Intake>list("patientId = ?1 order by recordedAt, id", patientId))
                .chain(intakes -> RedFlag.ofPatient(patientId).map(flags ->
                        intakes.stream().map(intake -> view(intake, flags)).toList()))
                .call(views -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, patientId, "list"));
    }

    @WithTransaction
    public Uni<IntakeView> get(UUID patientId, UUID intakeId) {
        return access.find(patientId)
                .chain(patient -> Intake.<Intake>find("id = ?1 and patientId = ?2", intakeId, patientId).<Intake>firstResult())
                .invoke(intake -> {
                    if (intake == null) {
                        throw new ProblemException(Problem.notFound("No intake " + intakeId + " for this patient."));
                    }
                })
                .chain(intake -> RedFlag.ofPatient(patientId).map(flags -> view(intake, flags)))
                .call(view -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, intakeId, patientId));
    }

    private void rejectInconsistent(IntakeRequest request, LocalDate intakeDate) {
        List<Violation> violations = new ArrayList<>();
        if (intakeDate.isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("intakeDate", "not-in-future", "must not be in the future"));
        }
        if (request.onsetDate().isAfter(intakeDate)) {
            violations.add(new Violation("onsetDate", "onset-not-after-intake", "must not be after the intake date"));
        }
        List<String> unknown = LowBackCodes.unknown(request.conditions());
        for (String code : unknown) {
            violations.add(new Violation("conditions[" + request.conditions().indexOf(code) + "]", "ICD10CM-KNOWN-CODE",
                    "'" + code + "' is not an ICD-10-CM code BackTrack knows"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("The intake is not consistent.", violations));
        }
    }

    private static void rejectBeforeBirth(Patient patient, IntakeRequest request, LocalDate intakeDate) {
        List<Violation> violations = new ArrayList<>();
        if (intakeDate.isBefore(patient.birthDate)) {
            violations.add(new Violation("intakeDate", "not-before-birth", "must not be before the patient's birth date"));
        }
        if (request.onsetDate().isBefore(patient.birthDate)) {
            violations.add(new Violation("onsetDate", "not-before-birth", "must not be before the patient's birth date"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("The intake is dated before the patient's birth.", violations));
        }
    }

    private Uni<IntakeView> save(Patient patient, IntakeRequest request, LocalDate intakeDate, boolean noneOpenBefore,
            String idempotencyKey) {
        IntakeFindings findings = screening.assess(request, intakeDate, patient.ageOn(intakeDate));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.patientId = patient.id;
        intake.clinicId = patient.clinicId;
        intake.intakeDate = intakeDate;
        intake.answers = write(request);
        intake.assessment = write(assessment(request, findings));
        intake.recordedBy = caller.subject();
        intake.recordedAt = now;
        intake.idempotencyKey = idempotencyKey;
        intake.requestHash = idempotencyKey == null ? null : keys.fingerprint(request);
        List<RedFlag> flags = findings.redFlags().stream().map(rule -> {
            RedFlag flag = new RedFlag();
            flag.id = UUID.randomUUID();
            flag.patientId = patient.id;
            flag.intakeId = intake.id;
            flag.clinicId = patient.clinicId;
            flag.flag = rule.flag();
            flag.urgency = rule.urgency();
            flag.suspectedCondition = rule.suspected();
            flag.raisedAt = now;
            return flag;
        }).toList();
        boolean cleared = noneOpenBefore && flags.isEmpty();
        return intake.persist()
                .chain(() -> flags.isEmpty() ? Uni.createFrom().voidItem() : RedFlag.persist(flags))
                .chain(() -> outbox.append(patient.id, completed(patient, intake, request, findings, flags, cleared)))
                .chain(() -> raiseAll(flags))
                .chain(() -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, intake.id, patient.id))
                .chain(() -> RedFlag.ofPatient(patient.id))
                .map(all -> view(intake, all));
    }

    private Uni<Void> raiseAll(List<RedFlag> flags) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RedFlag f : flags) {
            chain = chain.chain(() -> outbox.append(f.patientId, new RedFlagRaised(f.patientId, f.clinicId, f.id,
                    f.intakeId, f.flag, f.urgency, f.suspectedCondition, f.raisedAt, null)));
        }
        return chain;
    }

    private IntakeAssessment assessment(IntakeRequest request, IntakeFindings findings) {
        var conditions = request.conditions().stream()
                .map(code -> new IntakeAssessment.Condition(code, LowBackCodes.description(code).orElseThrow()))
                .toList();
        return new IntakeAssessment(findings.stage(), conditions, findings.startBack(),
                new IntakeAssessment.Odi(findings.odiPercent(), findings.odiRawSum(), findings.odi().sectionsAnswered(),
                        findings.odiMissingReason()),
                request.painNrs(), findings.psfsMean(), findings.watchFlags(), request.motorDeficit(),
                findings.chronicPainSyndrome());
    }

    private static IntakeCompleted completed(Patient patient, Intake intake, IntakeRequest request,
            IntakeFindings findings, List<RedFlag> flags, boolean cleared) {
        return new IntakeCompleted(patient.id, patient.clinicId, intake.id, intake.intakeDate, request.onsetDate(),
                findings.stage(), request.conditions(),
                request.symptoms().stream().map(Enum::name).toList(),
                flags.stream().map(f -> new RedFlagFinding(f.id, f.flag, f.urgency, f.suspectedCondition)).toList(),
                findings.watchFlags(), findings.startBack(),
                new IntakeBaseline(request.painNrs(), findings.odiPercent(), findings.odiRawSum(),
                        findings.odi().sectionsAnswered(), findings.odiMissingReason(), findings.psfsMean()),
                request.motorDeficit(), findings.chronicPainSyndrome(), cleared, intake.recordedAt);
    }

    private IntakeView view(Intake intake, List<RedFlag> patientFlags) {
        boolean cleared = patientFlags.stream().noneMatch(RedFlag::isOpen);
        List<RedFlagView> raisedHere = patientFlags.stream()
                .filter(f -> intake.id.equals(f.intakeId))
                .map(RedFlagView::of)
                .toList();
        return new IntakeView(intake.id, intake.patientId, intake.intakeDate, intake.recordedAt,
                read(intake.answers, IntakeRequest.class), read(intake.assessment, IntakeAssessment.class),
                raisedHere, cleared);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intake JSON no longer maps to " + type.getSimpleName(), e);
        }
    }
}
