package io.backtrack.plan.catalog;

import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.backtrack.platform.security.Roles;
import io.backtrack.scoring.IcdCodes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/exercises")
@Tag(name = "Exercise catalog", description = "Exercises and passive modalities with dosage, spinal loading and contraindications")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private static final String RESOURCE = "exercise";

    private final Clock clock;
    private final AuditTrail audit;
    private final Caller caller;

    public ExerciseResource(Clock clock, AuditTrail audit, Caller caller) {
        this.clock = clock;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ADMIN})
    @Operation(summary = "List the catalog, filtered by category, passive or active, and a condition it must suit")
    public Uni<List<ExerciseView>> list(@QueryParam("category") ExerciseCategory category,
            @QueryParam("passive") Boolean passive,
            @QueryParam("suitableFor") @Pattern(regexp = ExerciseRequest.ICD_10_CM, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be an ICD-10-CM code") String suitableFor,
            @QueryParam("includeRetired") @DefaultValue("false") Boolean includeRetired) {
        return Exercise.<Exercise>list(includeRetired ? "order by code" : "retiredAt is null order by code")
                .map(all -> all.stream()
                        .filter(e -> category == null || e.category == category)
                        .filter(e -> passive == null || e.category.isPassive() == passive)
                        .filter(e -> suitableFor == null
                                || IcdCodes.firstUnder(ContraindicationMatrix.contraindicatedFor(e, false),
                                        List.of(suitableFor)).isEmpty())
                        .map(ExerciseView::of)
                        .toList());
    }

    @GET
    @Path("/{code}")
    @WithSession
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ADMIN})
    @Operation(summary = "Read one exercise")
    public Uni<ExerciseView> get(@RestPath("code") @Pattern(regexp = ExerciseRequest.CODE, message = "must look like SC-01")
            String code) {
        return find(code).map(ExerciseView::of);
    }

    @POST
    @WithTransaction
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an exercise to the catalog")
    @APIResponse(responseCode = "201", description = "Added to the catalog; Location is its URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> add(@Valid @NotNull ExerciseRequest request, UriInfo uri) {
        List<Violation> violations = request.conditionViolations();
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("The exercise's condition lists cannot be used.", violations));
        }
        return Exercise.count("code", request.code()).chain(existing -> {
            if (existing > 0) {
                throw new ProblemException(Problem.conflict("exercise-exists", "Exercise " + request.code() + " exists."));
            }
            Exercise e = new Exercise();
            e.code = request.code();
            e.name = request.name();
            e.category = request.category();
            e.instructions = request.instructions();
            e.defaultSets = request.defaultDosage().sets();
            e.defaultReps = request.defaultDosage().reps();
            e.defaultHoldSeconds = request.defaultDosage().holdSeconds();
            e.loadsFlexion = request.loads().flexion();
            e.loadsExtension = request.loads().extension();
            e.loadsRotation = request.loads().rotation();
            e.contraindicatedFor = request.contraindicatedFor();
            e.cautionedFor = request.cautionedFor();
            return e.<Exercise>persist();
        })
                .call(e -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, e.code, null, "catalog: " + e.name))
                .map(e -> Response.created(uri.getAbsolutePathBuilder().path(e.code).build()).entity(ExerciseView.of(e)).build());
    }

    @POST
    @Path("/{code}/retire")
    @WithTransaction
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire an exercise: existing plans keep it, new plans cannot use it")
    public Uni<ExerciseView> retire(@RestPath("code") @Pattern(regexp = ExerciseRequest.CODE,
            message = "must look like SC-01") String code) {
        // locked, so that of two admins retiring it at once the second finds it retired and keeps the first's moment
        return find(code, LockModeType.PESSIMISTIC_WRITE).call(e -> {
            if (e.retiredAt != null) {
                return Uni.createFrom().voidItem();
            }
            e.retiredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return audit.record(Actor.of(caller), AuditAction.UPDATE, RESOURCE, e.code, null, "catalog: retired");
        }).map(ExerciseView::of);
    }

    private static Uni<Exercise> find(String code) {
        return find(code, LockModeType.NONE);
    }

    private static Uni<Exercise> find(String code, LockModeType lock) {
        return Exercise.<Exercise>findById(code, lock).map(e -> {
                    if (e == null) {
                        throw new ProblemException(Problem.notFound("No exercise " + code + "."));
                    }
                    return e;
                });
    }
}
