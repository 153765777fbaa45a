package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.outcome.profile.IntakeBaseline;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reviews as a clinician's work list (own clinic only) and one review for its clinician or patient. */
@RequestScoped
public class ReviewService {

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;

    public ReviewService(Caller caller, PatientAccess access, AuditTrail audit) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
    }

    /** The clinic's reviews, by due date; one patient's when {@code patientId} is given, each with its course's baseline. */
    @WithTransaction
    public Uni<List<ReviewView>> search(ReviewStatus status, String clinicId, UUID patientId) {
        String ownClinic = caller.requiredClinicId();
        if (clinicId != null && !clinicId.equals(ownClinic)) {
            throw new ProblemException(Problem.forbidden("Clinicians see the reviews of their own clinic only."));
        }
        String query = "clinicId = :clinic" + (status == null ? "" : " and status = :status")
                + (patientId == null ? "" : " and patientId = :patient") + " order by dueDate, id";
        Parameters parameters = Parameters.with("clinic", ownClinic);
        if (status != null) {
            parameters.and("status", status);
        }
        if (patientId != null) {
            parameters.and("patient", patientId);
        }
        Uni<?> reachable = patientId == null ? Uni.createFrom().voidItem() : access.find(patientId);
        return reachable.chain(() -> Review.<Review>list(query, parameters))
                .chain(reviews -> baselinesOf(reviews).map(baselines -> reviews.stream()
                        .map(review -> ReviewView.of(review,
                                IntakeBaseline.ofCourse(baselines.get(review.patientId), review.planStartDate)))
                        .toList()))
                .call(views -> patientId != null ? Uni.createFrom().voidItem()
                        : audit.recordEach(Actor.of(caller), AuditAction.SEARCH, ReviewEvaluator.RESOURCE,
                                views.stream().map(ReviewView::patientId).toList(), "found by review search"))
                .call(views -> audit.record(Actor.of(caller), AuditAction.SEARCH, ReviewEvaluator.RESOURCE, null, patientId,
                        "status=" + status + " results=" + views.size()));
    }

    @WithTransaction
    public Uni<ReviewView> get(UUID id) {
        return Review.<Review>findById(id)
                .chain(review -> review == null
                        ? Uni.createFrom().<ReviewView>failure(new OutOfReachException(ReviewEvaluator.RESOURCE, id, null))
                        : PatientProfile.<PatientProfile>findById(review.patientId)
                                .chain(profile -> !visible(review, profile)
                                        ? Uni.createFrom().<ReviewView>failure(
                                                new OutOfReachException(ReviewEvaluator.RESOURCE, id, review.patientId))
                                        : IntakeBaseline.ofCourse(review.patientId, review.planStartDate)
                                                .map(baseline -> ReviewView.of(review, baseline))))
                .call(view -> audit.record(Actor.of(caller), AuditAction.READ, ReviewEvaluator.RESOURCE, view.id(),
                        view.patientId()));
    }

    private static Uni<Map<UUID, List<IntakeBaseline>>> baselinesOf(List<Review> reviews) {
        Set<UUID> patients = reviews.stream().map(review -> review.patientId).collect(Collectors.toSet());
        return patients.isEmpty() ? Uni.createFrom().item(Map.of()) : IntakeBaseline.ofPatients(patients);
    }

    private boolean visible(Review review, PatientProfile profile) {
        return caller.mayReachPatient(review.clinicId, profile == null ? null : profile.loginSubject);
    }
}
