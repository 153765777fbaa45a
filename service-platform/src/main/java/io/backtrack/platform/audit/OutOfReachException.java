package io.backtrack.platform.audit;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;

/**
 * A record the caller asked for that they may not reach, or that does not exist: both answer 404, so
 * the ids of other clinics' patients are not disclosed, and both are audited ({@link AccessRefusals}).
 */
public class OutOfReachException extends ProblemException {

    private final String resourceType;
    private final String resourceId;
    private final UUID patientId;

    /**
     * @param resourceType what was asked for, as the audit trail names it ("patient", "plan", ...)
     * @param patientId the patient the record belongs to; null when there is no such record
     */
    public OutOfReachException(String resourceType, Object resourceId, UUID patientId) {
        super(Problem.notFound("No " + resourceType + " " + resourceId + "."));
        this.resourceType = resourceType;
        this.resourceId = String.valueOf(resourceId);
        this.patientId = patientId;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    /** The patient whose record it is, when it exists. */
    public Optional<UUID> patientId() {
        return Optional.ofNullable(patientId);
    }
}
