package io.backtrack.outcome.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.contracts.outcome.MeasureRecorded;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.outcome.review.ReviewEvaluator;
import io.backtrack.outcome.review.ReviewThresholds;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.PatientLock;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.backtrack.scoring.OdiScore;
import io.backtrack.scoring.PsfsScore;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records outcome measures (once per Idempotency-Key) and lists them; a new measure may complete a review. */
@RequestScoped
public class MeasureService {

    static final String RESOURCE = "measure";

    /** A recorded measure, and whether it was recorded by this request or by an earlier one with the same key. */
    public record Recorded(MeasureView measure, boolean replayed) {
    }

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final PatientLock lock;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private final ReviewEvaluator reviews;
    private final ReviewThresholds thresholds;
    private final Clock clock;

    public MeasureService(Caller caller, PatientAccess access, AuditTrail audit, PatientLock lock, IdempotencyKeys keys,
            EventOutbox outbox, ReviewEvaluator reviews, ReviewThresholds thresholds, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.lock = lock;
        this.keys = keys;
        this.outbox = outbox;
        this.reviews = reviews;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * The patient is locked before anything is written ({@link PatientLock}): a keyed retry running at
     * the same moment as its original waits for it and finds it.
     */
    @WithTransaction
    public Uni<Recorded> record(UUID patientId, MeasureRequest request, String idempotencyKey) {
        Uni<PatientProfile> locked = access.find(patientId).call(profile -> lock.hold(patientId));
        if (idempotencyKey == null) {
            return locked.chain(profile -> create(profile, request, null));
        }
        return locked.chain(profile -> Measure
                .<Measure>find("patientId = ?1 and idempotencyKey = ?2", patientId, idempotencyKey)
                .firstResult()
                .chain(earlier -> {
                    if (earlier == null) {
                        return create(profile, request, idempotencyKey);
                    }
                    keys.requireSameRequest(idempotencyKey, earlier.requestHash, request);
                    return audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, earlier.id, patientId,
                            "idempotent replay").replaceWith(new Recorded(MeasureView.of(earlier), true));
                }));
    }

    @WithTransaction
    public Uni<List<MeasureView>> list(UUID patientId) {
        return access.find(patientId)
                .chain(profile -> Measure.ofPatient(patientId))
                .map(measures -> measures.stream().map(MeasureView::of).toList())
                .call(views -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, patientId, "list"));
    }

    /** One measure of the patient; another patient's measure id is as unknown as a made-up one. */
    @WithTransaction
    public Uni<MeasureView> get(UUID patientId, UUID measureId) {
        return access.find(patientId)
                .chain(profile -> Measure.<Measure>find("id = ?1 and patientId = ?2", measureId, patientId).<Measure>firstResult())
                .map(measure -> {
                    if (measure == null) {
                        throw new ProblemException(Problem.notFound("No such measure of this patient."));
                    }
                    return MeasureView.of(measure);
                })
                .call(view -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, measureId, patientId));
    }

    private Uni<Recorded> create(PatientProfile profile, MeasureRequest request, String idempotencyKey) {
        Measure measure = scored(request);
        measure.id = UUID.randomUUID();
        measure.patientId = profile.patientId;
        measure.clinicId = profile.clinicId;
        measure.effectiveDate = request.effectiveDate();
        measure.recordedBy = caller.subject();
        measure.recordedRole = caller.primaryRole();
        measure.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        measure.idempotencyKey = idempotencyKey;
        measure.requestHash = idempotencyKey == null ? null : keys.fingerprint(request);
        return measure.persistAndFlush()
                .chain(() -> outbox.append(measure.patientId, new MeasureRecorded(measure.patientId, measure.clinicId,
                        measure.id, measure.type, measure.effectiveDate, measure.value, measure.odiRawSum,
                        measure.odiSections, measure.recordedAt)))
                // reviews first: every transaction locks review rows before the audit table, so none deadlock
                .chain(() -> reviews.evaluateAwaiting(measure.patientId))
                .chain(() -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, measure.id, measure.patientId,
                        measure.type + " " + measure.value + " on " + measure.effectiveDate))
                .replaceWith(() -> new Recorded(MeasureView.of(measure), false));
    }

    /** Checks the request against its type and scores it; every problem at once as a 422. */
    private Measure scored(MeasureRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.effectiveDate().isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("effectiveDate", "MEASURE-NOT-IN-FUTURE",
                    "a measure cannot describe a day that has not come yet"));
        }
        Measure measure = new Measure();
        measure.type = request.type();
        switch (request.type()) {
            case PAIN_NRS -> {
                if (request.painNrs() == null) {
                    violations.add(new Violation("painNrs", "MEASURE-VALUE-REQUIRED", "pain NRS 0–10 is required"));
                } else {
                    measure.value = BigDecimal.valueOf(request.painNrs());
                }
            }
            case ODI -> {
                if (request.odi() == null) {
                    violations.add(new Violation("odi", "MEASURE-VALUE-REQUIRED", "the ten ODI sections are required"));
                } else {
                    OdiScore odi = OdiScore.of(request.odi());
                    if (!odi.scoredWith(thresholds.odiMinSections())) {
                        violations.add(new Violation("odi", OdiScore.MIN_SECTIONS_RULE, "at least "
                                + thresholds.odiMinSections() + " of 10 sections must be answered; "
                                + odi.sectionsAnswered() + " were"));
                    } else {
                        measure.value = odi.percent();
                        measure.odiRawSum = odi.rawSum();
                        measure.odiSections = odi.sectionsAnswered();
                    }
                }
            }
            case PSFS -> {
                if (request.psfs() == null || request.psfs().isEmpty()) {
                    violations.add(new Violation("psfs", "MEASURE-VALUE-REQUIRED", "rate 1 to 5 activities 0–10"));
                } else {
                    measure.value = PsfsScore.of(request.psfs()).mean();
                    measure.psfsItems = json(request.psfs());
                }
            }
        }
        if (request.type() != MeasureType.PAIN_NRS && request.painNrs() != null
                || request.type() != MeasureType.ODI && request.odi() != null
                || request.type() != MeasureType.PSFS && request.psfs() != null) {
            violations.add(new Violation("type", "MEASURE-ONE-TYPE", "send only the values of the measure's type"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("The measure breaks a rule.", violations));
        }
        return measure;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
