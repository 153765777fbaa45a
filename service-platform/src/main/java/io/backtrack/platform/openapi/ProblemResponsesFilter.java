package io.backtrack.platform.openapi;

import io.backtrack.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares the error answers of every service in its OpenAPI document, as problem+json with the
 * {@code Problem} schema and an example each: the reusable responses an operation names by
 * {@code @APIResponse(responseCode = "409", ref = "Conflict")}, and the ones every operation of a
 * kind can give, added here so none is forgotten:
 * <ul>
 * <li>every operation: 503 while the database is unreachable;</li>
 * <li>an operation that requires a role: 401 without a valid token, 403 for a role that may not call it;</li>
 * <li>every operation: 406 for an {@code Accept} header that excludes JSON;</li>
 * <li>an operation with parameters or a body: 400 for malformed or invalid input;</li>
 * <li>an operation with a body: 413 for a body over the size limit;</li>
 * <li>an operation with a path parameter, or a {@code patientId} query parameter: 404 for what the caller
 * may not see or that does not exist;</li>
 * <li>an operation that writes: 409 when someone changed the same record at the same moment, and 415
 * for a body that is not JSON;</li>
 * </ul>
 * {@code deploy-checks} ({@code OpenApiStatusesTest}) fails when a service answered an operation, in
 * its tests, with a status its document does not declare.
 */
public class ProblemResponsesFilter implements OASFilter {

    private record Answer(String name, String status, String description, String example) {
    }

    private static final List<Answer> ANSWERS = List.of(
            new Answer("BadRequest", "400", "Malformed or invalid input; `violations` names each field and the rule it breaks.", """
                    {"type":"https://backtrack.io/problems/invalid-request","title":"Invalid request","status":400,
                     "detail":"The request is invalid.","instance":"/api/v1/patients",
                     "violations":[{"field":"birthDate","rule":"past","message":"must be a past date"}]}"""),
            new Answer("Unauthorized", "401", "No token, or a token that is not valid for BackTrack (then the body may be empty).", null),
            new Answer("Forbidden", "403", "The caller's role may not do this.", """
                    {"type":"https://backtrack.io/problems/forbidden","title":"Forbidden","status":403,
                     "detail":"This role may not do that.","instance":"/api/v1/exercises"}"""),
            new Answer("NotFound", "404", "No such record, or one the caller may not see (another clinic's or patient's).", """
                    {"type":"https://backtrack.io/problems/not-found","title":"Not found","status":404,
                     "detail":"No such patient.","instance":"/api/v1/patients/0b8f0c56-5d37-4be5-9d4b-2a29d0c1d2e1"}"""),
            new Answer("NotAcceptable", "406", "`Accept` names no type this operation answers in: it answers in JSON only.", """
                    {"type":"https://backtrack.io/problems/not-acceptable","title":"Not Acceptable","status":406,
                     "detail":"HTTP 406 Not Acceptable","instance":"/api/v1/patients"}"""),
            new Answer("Conflict", "409", "The request conflicts with the record's current state, the `type` names how (e.g. plan-exists, or "
                    + "concurrent-update when someone changed the record at the same moment); nothing changed.", """
                    {"type":"https://backtrack.io/problems/plan-exists","title":"Conflict","status":409,
                     "detail":"The patient already has a current plan; revise it instead.",
                     "instance":"/api/v1/patients/0b8f0c56-5d37-4be5-9d4b-2a29d0c1d2e1/plans"}"""),
            new Answer("PreconditionFailed", "412", "`If-Match` names a version that is no longer current; read the record again.", """
                    {"type":"https://backtrack.io/problems/precondition-failed","title":"Precondition failed","status":412,
                     "detail":"The escalation changed since version 2; it is at version 3.",
                     "instance":"/api/v1/escalations/6f1d6a52-1d0e-4a7c-9d55-2c1b7f3e9a10/acknowledge"}"""),
            new Answer("ContentTooLarge", "413", "The body is larger than the service accepts (`quarkus.http.limits.max-body-size`).", """
                    {"type":"https://backtrack.io/problems/content-too-large","title":"Content too large","status":413,
                     "detail":"The body is larger than 10485760 bytes.","instance":"/api/v1/patients"}"""),
            new Answer("UnsupportedMediaType", "415", "A body that is not `application/json` in UTF-8, or one sent without a "
                    + "`Content-Type`.", """
                    {"type":"https://backtrack.io/problems/unsupported-media-type","title":"Unsupported media type","status":415,
                     "detail":"Request bodies are JSON in UTF-8: send Content-Type application/json.","instance":"/api/v1/patients",
                     "violations":[{"field":"Content-Type","rule":"application-json","message":"must be application/json, in UTF-8"}]}"""),
            new Answer("Unprocessable", "422", "Well-formed, but it breaks a clinical or consistency rule; `violations` lists every one.", """
                    {"type":"https://backtrack.io/problems/rule-violation","title":"The request breaks a rule","status":422,
                     "detail":"The session does not fit the plan.",
                     "instance":"/api/v1/plans/6f1d6a52-1d0e-4a7c-9d55-2c1b7f3e9a10/sessions",
                     "violations":[{"field":"exercisesDone[0]","rule":"planned-exercise",
                       "message":"'XX-01' is not part of the plan in force when it was performed"}]}"""),
            new Answer("PreconditionRequired", "428", "This update needs an `If-Match` header with the version read.", """
                    {"type":"https://backtrack.io/problems/precondition-required","title":"Precondition required","status":428,
                     "detail":"Send If-Match with the version you read.",
                     "instance":"/api/v1/patients/0b8f0c56-5d37-4be5-9d4b-2a29d0c1d2e1"}"""),
            new Answer("Unavailable", "503", "The database is unreachable; retry after `Retry-After` seconds.", """
                    {"type":"https://backtrack.io/problems/service-unavailable","title":"Service unavailable","status":503,
                     "detail":"The database is not reachable right now; retry shortly.","instance":"/api/v1/patients"}"""));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One thing wrong with a request.")
                .addProperty("field", string("The field (JSON path, header or parameter) it concerns, when it concerns one."))
                .addProperty("rule", string("The rule it breaks, e.g. past, planned-exercise or a plan rule id."))
                .addProperty("message", string("Why, for people."))
                .required(List.of("rule", "message")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail.")
                .addProperty("type", string("A URI naming the problem; its last segment is the rule or kind, e.g. plan-exists."))
                .addProperty("title", string("A short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong with this request."))
                .addProperty("instance", string("The request path."))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("Violation")))
                .addProperty("findings", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("A rejected plan's findings (plan-service), each naming its rule and whether a "
                                + "clinician may override it.")
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("ruleId", string("The plan rule, e.g. PLAN-CONTRAINDICATION."))
                                .addProperty("severity", string("VIOLATION or WARNING."))
                                .addProperty("overridable", OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.BOOLEAN)))
                                .addProperty("item", string("The plan item it concerns, when it concerns one."))
                                .addProperty("condition", string("The ICD-10-CM condition it concerns, when one."))
                                .addProperty("message", string("Why, for people."))))
                .addProperty("currentStatus", string("On a 409 for a step the record's status does not allow: "
                        + "that status."))
                .required(List.of("type", "title", "status")));
        for (Answer answer : ANSWERS) {
            var mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
            if (answer.example() != null) {
                mediaType.example(answer.example().replaceAll("\\s*\\n\\s*", ""));
            }
            APIResponse response = OASFactory.createAPIResponse().description(answer.description())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
            if (answer.status().equals("503") || answer.status().equals("409")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying (on a 409, only when the conflict passes by itself, "
                                + "e.g. intake-pending).")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
            }
            components.addResponse(answer.name(), response);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                declareCommonAnswers(path, entry.getKey(), entry.getValue());
            }
        }
    }

    private static void declareCommonAnswers(PathItem path, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (path.getParameters() != null) {
            parameters.addAll(path.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            declare(operation, "400", "BadRequest");
        }
        if (operation.getRequestBody() != null) {
            declare(operation, "413", "ContentTooLarge");
        }
        declare(operation, "406", "NotAcceptable");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            declare(operation, "401", "Unauthorized");
            declare(operation, "403", "Forbidden");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH
                || p.getIn() == Parameter.In.QUERY && p.getName().equals("patientId"))) {
            declare(operation, "404", "NotFound");
        }
        if (method != PathItem.HttpMethod.GET) {
            declare(operation, "409", "Conflict");
            declare(operation, "415", "UnsupportedMediaType");
        }
        declare(operation, "503", "Unavailable");
    }

    /** Adds the answer, or replaces a bare one (Quarkus declares 400, 401 and 403 with a description only). */
    private static void declare(Operation operation, String status, String name) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
