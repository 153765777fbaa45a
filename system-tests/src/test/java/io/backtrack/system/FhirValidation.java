package io.backtrack.system;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator against the base FHIR R4 profiles, offline: the structure definitions and
 * value sets of hapi-fhir-validation-resources-r4, the code systems HAPI knows without a terminology
 * server (UCUM, the FHIR ones). Codes of LOINC, SNOMED CT, ICD-10-CM and BackTrack's own systems are
 * not checked against their systems, since no terminology server is reachable here.
 */
final class FhirValidation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private FhirValidation() {
    }

    /** The errors and fatal errors of one resource, as "severity location: message". */
    static List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        return CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }
}
