package io.backtrack.platform.fhir;

import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The code systems BackTrack's FHIR resources use. Where no standard code exists (an exercise of the
 * catalog, a red flag, an escalation type), BackTrack's own code system names it, under
 * {@link #BACKTRACK}; docs/fhir.md lists them.
 */
public final class FhirCodes {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String BACKTRACK = "https://backtrack.health/fhir";

    private FhirCodes() {
    }

    /** A BackTrack code system, e.g. {@code codeSystem("exercise")}. */
    public static String codeSystem(String name) {
        return BACKTRACK + "/CodeSystem/" + name;
    }

    /** A BackTrack identifier system, e.g. {@code identifierSystem("patient")}. */
    public static String identifierSystem(String name) {
        return BACKTRACK + "/identifier/" + name;
    }

    /** A constant as words for a display text: {@code SADDLE_NUMBNESS} reads "saddle numbness". */
    public static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    public static CodeableConcept loinc(String code, String display) {
        return concept(LOINC, code, display);
    }

    public static CodeableConcept snomed(String code, String display) {
        return concept(SNOMED, code, display);
    }

    /** Observation category {@code survey}: answers to a questionnaire or an instrument. */
    public static CodeableConcept survey() {
        return concept(OBSERVATION_CATEGORY, "survey", "Survey");
    }
}
