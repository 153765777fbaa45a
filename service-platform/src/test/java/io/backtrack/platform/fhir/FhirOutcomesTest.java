package io.backtrack.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.Violation;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

class FhirOutcomesTest {

    @Test
    void aProblemBecomesAnOperationOutcomeWithItsFieldsAndRules() {
        OperationOutcome outcome = FhirOutcomes.of(Problem.badRequest("Parameter 'date' is wrong.",
                List.of(new Violation("date", "parameter", "must be a day"))));
        assertThat(outcome.getIssue()).hasSize(2);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.INVALID);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("Parameter 'date' is wrong.");
        assertThat(outcome.getIssue().get(1).getExpression()).extracting(Object::toString).containsExactly("date");
        assertThat(outcome.getIssue().get(1).getDiagnostics()).isEqualTo("date: must be a day (parameter)");
    }

    @Test
    void aNotFoundNamesNoRecord() {
        OperationOutcome outcome = FhirOutcomes.of(Problem.notFound("No patient 5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f."));
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("No such resource.");
    }

    @Test
    void theIssueTypeFollowsTheStatus() {
        assertThat(FhirOutcomes.of(Problem.notFound("No such resource.")).getIssueFirstRep().getCode())
                .isEqualTo(IssueType.NOTFOUND);
        assertThat(FhirOutcomes.of(Problem.forbidden("No.")).getIssueFirstRep().getCode()).isEqualTo(IssueType.FORBIDDEN);
        assertThat(FhirOutcomes.of(Problem.of(401, "unauthorized", "Unauthorized", "Token.", List.of()))
                .getIssueFirstRep().getCode()).isEqualTo(IssueType.LOGIN);
        assertThat(FhirOutcomes.of(Problem.of(500, "internal-error", "Internal error", "Incident 1.", List.of()))
                .getIssueFirstRep().getCode()).isEqualTo(IssueType.EXCEPTION);
    }
}
