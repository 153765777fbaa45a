package io.backtrack.outcome.cds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The CDS Hooks 2.0 documents outcome-service reads and writes (https://cds-hooks.hl7.org/2.0/). */
public final class CdsHooks {

    private CdsHooks() {
    }

    /** {@code GET /cds-services}. */
    public record Discovery(List<Service> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String hook, String id, String title, String description, Map<String, String> prefetch,
            String usageRequirements) {
    }

    /**
     * A hook call. Only {@code patient-view} is served; the EHR's FHIR access fields are accepted and not used,
     * but they are JSON objects, as the CDS Hooks specification has them, or absent.
     */
    public record HookRequest(
            @NotBlank @Size(max = 100) String hook,
            @NotBlank @Size(max = 100) String hookInstance,
            @Size(max = 2000) String fhirServer,
            @Schema(implementation = Object.class) Map<String, JsonNode> fhirAuthorization,
            @Valid @NotNull PatientViewContext context,
            @Schema(implementation = Object.class) Map<String, JsonNode> prefetch,
            @Schema(implementation = Object.class) Map<String, JsonNode> extension) {
    }

    /** {@code patientId} is the FHIR id of the chart's patient; BackTrack's patients are known by their patient id. */
    public record PatientViewContext(@NotBlank @Size(max = 200) String userId, @NotBlank @Size(max = 200) String patientId,
            @Size(max = 200) String encounterId) {
    }

    public record Cards(List<Card> cards) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String uuid, String summary, String detail, String indicator, Source source,
            List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url, Coding topic) {
    }

    public record Suggestion(String label, String uuid, boolean isRecommended) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(@Size(max = 200) String code, @Size(max = 500) String system, @Size(max = 500) String display) {
    }

    /** {@code POST /cds-services/{id}/feedback}. */
    public record FeedbackRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull Feedback> feedback) {
    }

    public record Feedback(
            @NotNull UUID card,
            @NotNull Outcome outcome,
            @Size(max = 10) List<@Valid @NotNull AcceptedSuggestion> acceptedSuggestions,
            @Valid OverrideReason overrideReason,
            @NotNull Instant outcomeTimestamp) {
    }

    public enum Outcome {
        @JsonProperty("accepted")
        ACCEPTED,
        @JsonProperty("overridden")
        OVERRIDDEN
    }

    public record AcceptedSuggestion(@NotBlank @Size(max = 200) String id) {
    }

    public record OverrideReason(@Valid Coding reason, @Size(max = 2000) String userComment) {
    }
}
