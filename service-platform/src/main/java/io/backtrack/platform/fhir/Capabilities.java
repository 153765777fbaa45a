package io.backtrack.platform.fhir;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/** The {@code CapabilityStatement} a service answers on {@code GET /fhir/r4/metadata}. */
public final class Capabilities {

    private Capabilities() {
    }

    public static CapabilityStatement of(String service, String baseUrl, Date published, List<ServedResource> served) {
        CapabilityStatement statement = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(published)
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setPublisher("BackTrack")
                .setDescription("Read and search of the records " + service + " owns; docs/fhir.md");
        statement.setName("BackTrack" + service.replace("-", ""));
        statement.addFormat(Fhir.MEDIA_TYPE);
        statement.getImplementation().setDescription("BackTrack " + service).setUrl(baseUrl);
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setCors(false)
                .setDescription("OIDC bearer tokens of the clinic's identity provider, as for BackTrack's REST API: "
                        + "a clinician reaches the patients of their clinic, a patient only their own records.")
                .addService(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
        for (ServedResource resource : served) {
            CapabilityStatement.CapabilityStatementRestResourceComponent component = rest.addResource()
                    .setType(resource.type())
                    .setDocumentation(resource.documentation());
            component.addInteraction().setCode(TypeRestfulInteraction.READ);
            if (resource.searchable()) {
                component.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            }
            for (ServedResource.Parameter parameter : resource.parameters()) {
                component.addSearchParam().setName(parameter.name()).setType(parameter.type())
                        .setDocumentation(parameter.documentation());
            }
        }
        return statement;
    }
}
