package io.backtrack.outcome.fhir;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.outcome.escalation.EscalationLabels;
import io.backtrack.outcome.escalation.EscalationView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * An escalation as FHIR: BackTrack's rules propose, so its intent is {@code proposal} for its whole
 * life, and its status follows the clinician's decisions. One that sends the patient to another
 * provider (imaging, a referral, a programme) is a {@code ServiceRequest}; one the treating team does
 * itself (talk about adherence, revise the plan, ask a colleague for a second opinion) is a
 * {@code Task} for that team, with BackTrack's status as its business status. Both carry the rule id
 * as their reason and the rationale, evidence and guideline as notes.
 */
final class EscalationResources {

    static final Set<EscalationType> ORDERS = EnumSet.of(EscalationType.IMAGING, EscalationType.SURGICAL_CONSULT,
            EscalationType.INTERVENTIONAL_PAIN, EscalationType.MULTIDISCIPLINARY_PAIN_PROGRAM,
            EscalationType.URGENT_MEDICAL_REFERRAL, EscalationType.EMERGENCY_REFERRAL);

    private static final String REFERRAL_TO_SPECIALIST = "103696004";

    private EscalationResources() {
    }

    static boolean isServiceRequest(EscalationView escalation) {
        return ORDERS.contains(escalation.type());
    }

    static ServiceRequest serviceRequest(EscalationView e) {
        ServiceRequest request = new ServiceRequest();
        request.setId(e.id().toString());
        request.getMeta().setLastUpdated(Date.from(e.updatedAt()));
        request.addIdentifier(identifier(e));
        request.setStatus(switch (e.status()) {
            case RECOMMENDED, ACKNOWLEDGED, ORDERED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case DECLINED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
        });
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.setPriority(switch (e.urgency()) {
            case EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
        });
        request.addCategory(e.type() == EscalationType.IMAGING ? FhirCodes.snomed("363679005", "Imaging")
                : FhirCodes.snomed("3457005", "Patient referral"));
        request.setCode(code(e.type()));
        request.setSubject(FhirReferences.patient(e.patientId()));
        request.setAuthoredOnElement(FhirTimes.instant(e.recommendedAt()));
        request.addReasonCode(reason(e));
        notes(e).forEach(note -> request.addNote().setText(note));
        return request;
    }

    static Task task(EscalationView e) {
        Task task = new Task();
        task.setId(e.id().toString());
        task.getMeta().setLastUpdated(Date.from(e.updatedAt()));
        task.addIdentifier(identifier(e));
        task.setStatus(switch (e.status()) {
            case RECOMMENDED -> Task.TaskStatus.REQUESTED;
            case ACKNOWLEDGED -> Task.TaskStatus.ACCEPTED;
            case ORDERED -> Task.TaskStatus.INPROGRESS;
            case DECLINED -> Task.TaskStatus.CANCELLED;
            case COMPLETED -> Task.TaskStatus.COMPLETED;
        });
        task.setBusinessStatus(FhirCodes.concept(FhirCodes.codeSystem("escalation-status"), e.status().name(),
                e.status().name().toLowerCase(Locale.ROOT)));
        if (e.declineReason() != null) {
            task.setStatusReason(new CodeableConcept().setText(e.declineReason()));
        }
        task.setIntent(Task.TaskIntent.PROPOSAL);
        task.setPriority(switch (e.urgency()) {
            case EMERGENCY -> Task.TaskPriority.STAT;
            case URGENT -> Task.TaskPriority.URGENT;
            case ROUTINE -> Task.TaskPriority.ROUTINE;
        });
        task.setCode(code(e.type()));
        task.setDescription(e.rationale());
        task.setFor(FhirReferences.patient(e.patientId()));
        task.setAuthoredOn(Date.from(e.recommendedAt()));
        task.setLastModified(Date.from(e.updatedAt()));
        task.setReasonCode(reason(e));
        notes(e).forEach(note -> task.addNote().setText(note));
        return task;
    }

    /** The SNOMED CT code of the order or referral where there is one, and always BackTrack's escalation type. */
    static CodeableConcept code(EscalationType type) {
        CodeableConcept code = new CodeableConcept().setText(EscalationLabels.of(type));
        switch (type) {
            case IMAGING -> code.addCoding(new Coding(FhirCodes.SNOMED, "394451000119106",
                    "Magnetic resonance imaging of lumbar spine without contrast"));
            case SURGICAL_CONSULT -> code.addCoding(new Coding(FhirCodes.SNOMED, "308481009",
                    "Referral to orthopedic surgeon"));
            case INTERVENTIONAL_PAIN -> code.addCoding(new Coding(FhirCodes.SNOMED, "306265007",
                    "Referral to pain management specialist"));
            case MULTIDISCIPLINARY_PAIN_PROGRAM, URGENT_MEDICAL_REFERRAL, EMERGENCY_REFERRAL ->
                    code.addCoding(new Coding(FhirCodes.SNOMED, REFERRAL_TO_SPECIALIST, "Referral to specialist"));
            default -> {
                // the treating team's own work: BackTrack's code only
            }
        }
        code.addCoding(new Coding(FhirCodes.codeSystem("escalation-type"), type.name(), EscalationLabels.of(type)));
        return code;
    }


    private static Identifier identifier(EscalationView e) {
        return new Identifier().setSystem(FhirCodes.identifierSystem("escalation")).setValue(e.id().toString());
    }

    private static CodeableConcept reason(EscalationView e) {
        return new CodeableConcept(new Coding(FhirCodes.codeSystem("escalation-rule"), e.ruleId(), e.ruleId()))
                .setText(e.rationale());
    }

    private static List<String> notes(EscalationView e) {
        List<String> notes = new ArrayList<>();
        notes.add("Rule " + e.ruleId() + " (version " + e.ruleVersion() + "): " + e.rationale());
        notes.add("Evidence: " + e.evidence());
        notes.add("Guideline: " + e.guidelineReference());
        notes.add("Status in BackTrack: " + e.status().name().toLowerCase(Locale.ROOT));
        if (e.declineReason() != null) {
            notes.add("Declined: " + e.declineReason());
        }
        return notes;
    }
}
