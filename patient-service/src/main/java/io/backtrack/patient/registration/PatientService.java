package io.backtrack.patient.registration;

import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.patient.access.PatientAccess;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.input.IfMatch;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Registers patients and keeps their contact details; every read and write is audited. */
@RequestScoped
public class PatientService {

    static final String RESOURCE = "patient";
    private static final String KEY_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))";

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public PatientService(Caller caller, PatientAccess access, AuditTrail audit, EventOutbox outbox,
            IdempotencyKeys keys, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.keys = keys;
        this.clock = clock;
    }

    /** A patient as registered, and whether this request was a retry that registered nobody. */
    public record Registered(PatientView view, boolean replayed) {
    }

    /**
     * Registrations of one login wait for one another, so of two at the same moment the second finds the
     * first and is told why (422), rather than meeting the unique index (a bare 409).
     */
    private static Uni<Void> subjectFree(String loginSubject) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(KEY_LOCK).setParameter(1, "patient-login " + loginSubject)
                        .getSingleResult())
                .chain(() -> Patient.count("loginSubject", loginSubject))
                .invoke(count -> {
                    if (count > 0) {
                        throw new ProblemException(Problem.unprocessable("loginSubject", "login-subject-unique",
                                "This login is already linked to another patient."));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A keyed registration holds a lock on its clinic and key first, so a retry running at the same
     * moment as its original waits for it and finds its patient.
     */
    @WithTransaction
    public Uni<Registered> register(PatientRequests.Registration request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return register(request, null, null).map(view -> new Registered(view, false));
        }
        String clinicId = caller.requiredClinicId();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(KEY_LOCK)
                        .setParameter(1, "patient-registration " + clinicId + " " + idempotencyKey)
                        .getSingleResult())
                .chain(() -> Patient.<Patient>find("clinicId = ?1 and idempotencyKey = ?2", clinicId, idempotencyKey)
                        .<Patient>firstResult())
                .chain(earlier -> {
                    if (earlier == null) {
                        return register(request, idempotencyKey, keys.fingerprint(request))
                                .map(view -> new Registered(view, false));
                    }
                    keys.requireSameRequest(idempotencyKey, earlier.requestHash, request);
                    return audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, earlier.id, earlier.id,
                            "idempotent replay").replaceWith(new Registered(PatientView.of(earlier), true));
                });
    }

    private Uni<PatientView> register(PatientRequests.Registration request, String idempotencyKey, String requestHash) {
        String clinicId = caller.requiredClinicId();
        Uni<Void> subjectFree = request.loginSubject() == null ? Uni.createFrom().voidItem()
                : subjectFree(request.loginSubject());
        return subjectFree.chain(() -> {
            Patient patient = new Patient();
            patient.id = UUID.randomUUID();
            patient.clinicId = clinicId;
            patient.givenName = request.givenName().trim();
            patient.familyName = request.familyName().trim();
            patient.birthDate = request.birthDate();
            patient.sex = request.sex();
            if (request.contact() != null) {
                patient.email = request.contact().email();
                patient.phone = request.contact().phone();
            }
            patient.loginSubject = request.loginSubject();
            patient.idempotencyKey = idempotencyKey;
            patient.requestHash = requestHash;
            patient.registeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            patient.updatedAt = patient.registeredAt;
            return patient.<Patient>persist()
                    .call(p -> outbox.append(p.id,
                            new PatientRegistered(p.id, p.clinicId, p.loginSubject, p.registeredAt)))
                    .call(p -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, p.id, p.id))
                    .call(Patient::flush)
                    .map(PatientView::of);
        });
    }

    @WithTransaction
    public Uni<PatientView> get(UUID patientId) {
        return access.find(patientId)
                .call(p -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, p.id, p.id))
                .map(PatientView::of);
    }

    /** A name as typed: a % or _ in it matches itself, not any text or character. */
    private static String literally(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @WithTransaction
    public Uni<PatientPage> search(String name, int page, int size) {
        String clinicId = caller.requiredClinicId();
        String pattern = "%" + (name == null ? "" : literally(name.trim().toLowerCase())) + "%";
        var query = Patient.<Patient>find(
                "clinicId = :clinic and (lower(familyName) like :name escape '\\'"
                        + " or lower(givenName) like :name escape '\\')",
                Sort.by("familyName").and("givenName").and("id"),
                Parameters.with("clinic", clinicId).and("name", pattern))
                .page(Page.of(page, size));
        return query.list().chain(patients -> query.count().map(total ->
                        new PatientPage(patients.stream().map(PatientView::of).toList(), page, size, total)))
                .call(result -> audit.recordEach(Actor.of(caller), AuditAction.SEARCH, RESOURCE,
                        result.items().stream().map(PatientView::id).toList(), "found by name search"))
                .call(result -> audit.record(Actor.of(caller), AuditAction.SEARCH, RESOURCE, null, null,
                        "clinic=" + clinicId + " matches=" + result.items().size()));
    }

    @WithTransaction
    public Uni<PatientView> updateContact(UUID patientId, IfMatch ifMatch, PatientRequests.Contact contact) {
        return access.find(patientId)
                .invoke(p -> {
                    if (!ifMatch.matches(String.valueOf(p.version))) {
                        throw new ProblemException(Problem.preconditionFailed("The patient was changed since you read it "
                                + "(now \"" + p.version + "\"). Read it again and retry."));
                    }
                    p.email = contact.email();
                    p.phone = contact.phone();
                    p.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                })
                .call(p -> audit.record(Actor.of(caller), AuditAction.UPDATE, RESOURCE, p.id, p.id, "contact"))
                .call(Patient::flush)
                .map(PatientView::of);
    }
}
