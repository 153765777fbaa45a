package io.backtrack.platform.fhir;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A FHIR client expects an {@code OperationOutcome}, not a problem detail: under {@code /fhir/} every
 * problem the service answers is rewritten as one, with the same status, detail, fields and rules.
 */
public class FhirOutcomes {

    @ServerResponseFilter
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && request.getUriInfo().getPath().startsWith(Fhir.BASE_PATH)) {
            response.setEntity(of(problem), response.getEntityAnnotations(), MediaType.valueOf(Fhir.MEDIA_TYPE));
        }
    }

    static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = typeOf(problem.status());
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics(problem));
        for (Violation violation : problem.violations()) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR).setCode(type)
                    .setDiagnostics((violation.field() == null ? "" : violation.field() + ": ") + violation.message()
                            + " (" + violation.rule() + ")");
            issue.addExpression(violation.field());
        }
        return outcome;
    }

    /**
     * A 404 says only that there is no such resource: a read by id may fail on the record's owner
     * (its patient or plan), whose id the caller must not learn from the answer.
     */
    private static String diagnostics(Problem problem) {
        if (problem.status() == 404) {
            return "No such resource.";
        }
        return problem.detail() == null ? problem.title() : problem.detail();
    }

    private static IssueType typeOf(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.BUSINESSRULE;
            case 503 -> IssueType.TRANSIENT;
            default -> IssueType.EXCEPTION;
        };
    }
}
