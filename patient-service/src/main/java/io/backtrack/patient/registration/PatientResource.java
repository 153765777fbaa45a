package io.backtrack.patient.registration;

import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.input.IfMatch;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients")
@Tag(name = "Patients", description = "Registration and contact details of a clinic's patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final PatientService patients;

    public PatientResource(PatientService patients) {
        this.patients = patients;
    }

    @POST
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Register a patient in the clinician's clinic. A retry with the same Idempotency-Key and body "
            + "returns the first result (200); another body under that key is 422 idempotency-key-reused")
    @APIResponse(responseCode = "201", description = "Registered; Location is its URL",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the patient the first request with this Idempotency-Key registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> register(@Valid @NotNull PatientRequests.Registration request,
            @RestHeader(IdempotencyKeys.HEADER) @Size(max = 200) String idempotencyKey, UriInfo uri) {
        return patients.register(request, idempotencyKey).map(registered -> (registered.replayed()
                        ? Response.ok()
                        : Response.created(uri.getAbsolutePathBuilder().path(registered.view().id().toString()).build()))
                .tag(String.valueOf(registered.view().version()))
                .entity(registered.view())
                .build());
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Search the clinic's patients by name, paged")
    public Uni<PatientPage> search(@QueryParam("name") @Size(max = 100) String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) Integer page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) Integer size) {
        return patients.search(name, page, size);
    }

    @GET
    @Path("/{patientId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Read a patient (a patient reads only their own record)")
    @APIResponse(responseCode = "200", description = "The patient; ETag is its version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    public Uni<Response> get(@RestPath("patientId") UUID patientId) {
        return patients.get(patientId).map(view -> Response.ok(view).tag(String.valueOf(view.version())).build());
    }

    @PUT
    @Path("/{patientId}/contact")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Replace contact details; requires If-Match with the current ETag")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Uni<Response> updateContact(@RestPath("patientId") UUID patientId,
            @Parameter(required = true, description = "The ETag read; * is refused") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @Valid @NotNull PatientRequests.Contact contact) {
        return patients.updateContact(patientId, required(ifMatch), contact)
                .map(view -> Response.ok(view).tag(String.valueOf(view.version())).build());
    }

    /** The ETag the caller read: "*" would match whatever is there now and lose a concurrent edit. */
    private static IfMatch required(String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        if (condition == null || condition.isAny()) {
            throw new ProblemException(Problem.of(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag you read, so concurrent edits are not lost; * would match any version.",
                    List.of(new Violation(IfMatch.HEADER, "etag-read", "must name the ETag you read, not *"))));
        }
        return condition;
    }
}
