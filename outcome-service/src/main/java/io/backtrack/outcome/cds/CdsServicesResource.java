package io.backtrack.outcome.cds;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.outcome.escalation.EscalationLifecycle;
import io.backtrack.outcome.escalation.EscalationService;
import io.backtrack.platform.fhir.FhirIds;
import io.backtrack.platform.input.VisibleText;
import io.backtrack.platform.audit.AccessRefusals;
import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CDS Hooks 2.0: a {@code patient-view} service that shows a patient's open escalations as cards in
 * the EHR, and its feedback endpoint, which moves an escalation through its lifecycle as the clinician
 * whose bearer token calls it (docs/fhir.md). Only clinicians of the patient's clinic reach a patient.
 */
@Path("/cds-services")
@Tag(name = "CDS Hooks", description = "Escalations as cards in the EHR, and the clinician's answer")
@Produces(MediaType.APPLICATION_JSON)
public class CdsServicesResource {

    static final String SERVICE_ID = "backtrack-escalations";
    static final String HOOK = "patient-view";
    private static final CdsHooks.Discovery DISCOVERY = new CdsHooks.Discovery(List.of(new CdsHooks.Service(HOOK,
            SERVICE_ID, "BackTrack escalations",
            "The patient's open escalations from BackTrack's rules, each with its rule id, evidence and guideline; "
                    + "accept one to acknowledge it, override it to decline it with the reason.",
            Map.of(), "A bearer token of a clinician of the patient's clinic, as for BackTrack's REST API.")));

    private final EscalationService escalations;
    private final AccessRefusals refusals;
    private final Clock clock;

    public CdsServicesResource(EscalationService escalations, AccessRefusals refusals, Clock clock) {
        this.escalations = escalations;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(summary = "CDS Hooks discovery: the services offered (no patient data)")
    public CdsHooks.Discovery discovery() {
        return DISCOVERY;
    }

    @POST
    @Path("/" + SERVICE_ID)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "patient-view: one card per open escalation of the patient")
    @APIResponse(responseCode = "200", description = "The cards; none for a patient BackTrack does not know or the "
            + "caller may not see, since an EHR calls the hook on every chart it opens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CdsHooks.Cards.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<CdsHooks.Cards> patientView(@Valid @NotNull CdsHooks.HookRequest request) {
        if (!HOOK.equals(request.hook())) {
            throw new ProblemException(Problem.unprocessable("hook", "CDS-HOOK-UNSUPPORTED",
                    "this service answers the " + HOOK + " hook only"));
        }
        // an EHR's own patient ids are not BackTrack's: such a chart has no cards
        Optional<UUID> patientId = FhirIds.parse(request.context().patientId());
        if (patientId.isEmpty()) {
            return Uni.createFrom().item(new CdsHooks.Cards(List.of()));
        }
        return escalations.ofPatient(patientId.get())
                .map(found -> new CdsHooks.Cards(found.stream().filter(EscalationCards::isOpen).map(EscalationCards::of)
                        .toList()))
                .onFailure(OutOfReachException.class).recoverWithUni(refused -> refusals
                        .record((OutOfReachException) refused).replaceWith(new CdsHooks.Cards(List.of())));
    }

    @POST
    @Path("/" + SERVICE_ID + "/feedback")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Feedback on cards: accepted acknowledges the escalation, overridden declines it with the "
            + "reason; applied in order, all or none")
    @APIResponse(responseCode = "200", description = "Every feedback item was applied; on any other answer, none was")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @WithTransaction
    public Uni<Response> feedback(@Valid @NotNull CdsHooks.FeedbackRequest request) {
        for (int i = 0; i < request.feedback().size(); i++) {
            check(request.feedback().get(i), "feedback[" + i + "]");
        }
        return Multi.createFrom().iterable(request.feedback())
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().last()
                .replaceWith(Response.ok().build());
    }

    /** Only a card awaiting the decision can be accepted or overridden; a card that only informs cannot. */
    private Uni<?> apply(CdsHooks.Feedback feedback) {
        Set<EscalationStatus> awaitingDecision = EnumSet.of(EscalationStatus.RECOMMENDED);
        return switch (feedback.outcome()) {
            case ACCEPTED -> escalations.transition(feedback.card(), EscalationLifecycle.ACKNOWLEDGE,
                    "Accepted in the EHR (CDS Hooks card)", awaitingDecision);
            case OVERRIDDEN -> escalations.transition(feedback.card(), EscalationLifecycle.DECLINE,
                    reason(feedback.overrideReason()), awaitingDecision);
        };
    }

    /**
     * Accepting names the card's suggestion and gives no override reason; overriding gives a reason,
     * which a decline needs; the outcome happened already.
     */
    private void check(CdsHooks.Feedback feedback, String field) {
        if (feedback.outcomeTimestamp().isAfter(clock.instant())) {
            throw new ProblemException(Problem.unprocessable(field + ".outcomeTimestamp", "not-in-future",
                    "the clinician's decision cannot have been taken later than now"));
        }
        if (feedback.outcome() == CdsHooks.Outcome.ACCEPTED && feedback.overrideReason() != null) {
            throw new ProblemException(Problem.unprocessable(field + ".overrideReason", "CDS-REASON-ONLY-WHEN-OVERRIDDEN",
                    "an accepted card has no override reason"));
        }
        if (feedback.outcome() == CdsHooks.Outcome.ACCEPTED && (feedback.acceptedSuggestions() == null
                || feedback.acceptedSuggestions().stream()
                        .noneMatch(s -> s.id().equals(EscalationCards.acceptSuggestion(feedback.card()))))) {
            throw new ProblemException(Problem.unprocessable(field + ".acceptedSuggestions", "CDS-SUGGESTION-REQUIRED",
                    "an accepted card names its suggestion, " + EscalationCards.acceptSuggestion(feedback.card())));
        }
        if (feedback.outcome() == CdsHooks.Outcome.OVERRIDDEN && reason(feedback.overrideReason()) == null) {
            throw new ProblemException(Problem.unprocessable(field + ".overrideReason", "DECLINE-REASON-REQUIRED",
                    "overriding a card declines the escalation, which needs the clinician's reason"));
        }
    }

    /** The coded reason's display (or code) and the clinician's comment, or null when there is neither. */
    private static String reason(CdsHooks.OverrideReason reason) {
        if (reason == null) {
            return null;
        }
        String coded = reason.reason() == null ? null
                : VisibleText.isPresent(reason.reason().display()) ? reason.reason().display()
                : reason.reason().code();
        String comment = VisibleText.isPresent(reason.userComment()) ? reason.userComment().trim() : null;
        if (!VisibleText.isPresent(coded)) {
            return comment;
        }
        return comment == null ? coded : coded + ": " + comment;
    }
}
