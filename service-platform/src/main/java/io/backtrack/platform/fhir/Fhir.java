package io.backtrack.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The one HL7 FHIR R4 model of a service, and its JSON form. */
public final class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";
    public static final String BASE_PATH = "/fhir/r4";

    /** Building the model's definitions is costly; HAPI keeps one per JVM and it is thread-safe. */
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    /** A parser is cheap and not thread-safe, so each call gets its own. */
    public static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }
}
