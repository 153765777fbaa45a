package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;

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

    @WithTransaction
    public Uni<List<ReviewView>> search(ReviewStatus status, String clinicId) {
        String ownClinic = caller.requiredClinicId();
        if (clinicId != null && !clinicId.equals(ownClinic)) {
            throw new ProblemException(Problem.forbidden("Clinicians see the reviews of their own clinic only."));
        }
        String query = "clinicId = :clinic" + (status == null ? "" : " and status = :status") + " order by dueDate, id";
        Parameters parameters = Parameters.with("clinic", ownClinic);
        if (status != null) {
            parameters.and("status", status);
        }
        return Review.<Review>list(query, parameters)
                .map(reviews -> reviews.stream().map(ReviewView::of).toList())
                .call(views -> audit.record(Actor.of(caller), AuditAction.SEARCH, ReviewEvaluator.RESOURCE, null, null,
                        "status=" + status + " results=" + views.size()));
    }

    @WithTransaction
    public Uni<ReviewView> get(UUID id) {
        return Review.<Review>findById(id)
                .chain(review -> review == null ? Uni.createFrom().<Review>nullItem()
                        : PatientProfile.<PatientProfile>findById(review.patientId)
                                .map(profile -> visible(review, profile) ? review : null))
                .invoke(review -> {
                    if (review == null) {
                        throw new ProblemException(Problem.notFound("No review " + id + "."));
                    }
                })
                .call(review -> audit.record(Actor.of(caller), AuditAction.READ, ReviewEvaluator.RESOURCE, review.id,
                        review.patientId))
                .map(ReviewView::of);
    }

    private boolean visible(Review review, PatientProfile profile) {
        return caller.mayReachPatient(review.clinicId, profile == null ? null : profile.loginSubject);
    }
}
