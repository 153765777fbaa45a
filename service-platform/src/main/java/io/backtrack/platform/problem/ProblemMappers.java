package io.backtrack.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.backtrack.persistence.DatabaseFailures;
import io.backtrack.platform.input.InputRuleException;
import io.backtrack.platform.input.InvalidParameterException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem detail. Client mistakes are 4xx naming the field and
 * rule; only a defect of ours is a 500, and it carries an id to find the log line, not the cause.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = ProblemResponses.of(e.problem(), uri.getPath());
        return e.retryAfter()
                .map(after -> Response.fromResponse(response)
                        .header(HttpHeaders.RETRY_AFTER, Math.max(1, after.toSeconds())).build())
                .orElse(response);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return ProblemResponses.of(Problem.badRequest("The request has invalid fields.", violations), uri.getPath());
    }

    /** Jackson's failures, whether thrown directly or wrapped by the REST layer as a 400. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(jsonProblem(e), uri.getPath());
    }

    /** Declared for its own type so that it replaces the REST layer's built-in mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return ProblemResponses.of(Problem.badRequest(e.getMessage(),
                List.of(new Violation(e.parameter(), "parameter", e.requirement()))), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(Problem.forbidden("Your role does not allow this action."), uri.getPath());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return ProblemResponses.of(Problem.of(status, slug, title, e.getMessage(), List.of()), uri.getPath());
    }

    /** Someone else changed the record between our read and our write. */
    @ServerExceptionMapper
    public Response staleRecord(OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(Problem.preconditionFailed(
                "The record was changed by someone else meanwhile. Read it again and retry."), uri.getPath());
    }

    /**
     * Whatever no other mapper took. Database failures arrive wrapped (Hibernate Reactive turns a
     * PostgreSQL error into a JDBCException), so they are recognised through the cause chain: a
     * constraint that caught what validation did not is a conflict, a lost race is a conflict, an
     * outage is a 503 the client may retry. Only a defect of ours is a 500.
     */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isStaleWrite(e)) {
            return ProblemResponses.of(Problem.conflict("concurrent-update",
                    "Someone else changed the record at the same moment. Read it again and retry."), uri.getPath());
        }
        if (DatabaseFailures.isConstraintViolation(e)) {
            return ProblemResponses.of(Problem.conflict("data-conflict",
                    "The request conflicts with stored data."), uri.getPath());
        }
        if (DatabaseFailures.isTransient(e)) {
            Log.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(ProblemResponses.of(Problem.of(503, "service-unavailable",
                            "Service unavailable", "The database is not reachable right now; retry shortly.", List.of()),
                            uri.getPath()))
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure on %s (incident %s)", uri.getPath(), incident);
        Problem problem = Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side. Incident " + incident + ".", List.of());
        return ProblemResponses.of(problem, uri.getPath());
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(Problem.unauthorized(), uri.getPath()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof InputRuleException broken) {
            String field = jsonPath(broken);
            return Problem.badRequest("Field '" + field + "' " + broken.requirement() + ".",
                    List.of(new Violation(field, broken.rule(), broken.requirement())));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return Problem.badRequest("Unknown field '" + field + "'.",
                    List.of(new Violation(field, "unknown-field", "is not a field of this request")));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().getSimpleName();
            return Problem.badRequest("Field '" + field + "' has a value of the wrong type.",
                    List.of(new Violation(field, "type", "expected " + expected)));
        }
        if (e.getCause() instanceof InputCoercionException range && e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return outOfRange(jsonPath(mapping), range);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return Problem.of(413, "content-too-large", "Content too large",
                        "The body is larger than the service reads: " + limit.getOriginalMessage(),
                        List.of(new Violation("$", "size", "within the limits of a request body")));
            }
        }
        if (e instanceof StreamReadException duplicate && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate field")) {
            String field = parsedPath(duplicate);
            return Problem.badRequest("Field '" + field + "' appears twice.",
                    List.of(new Violation(field, "duplicate-member", "must appear once")));
        }
        return Problem.badRequest("The body is not well-formed JSON.", List.of(new Violation("$", "json", "malformed JSON")));
    }

    private static Problem outOfRange(String field, InputCoercionException range) {
        return Problem.badRequest("Field '" + field + "' is out of range.", List.of(new Violation(field, "range",
                "is too large for " + (range.getTargetType() == null ? "its type" : range.getTargetType().getSimpleName()))));
    }

    /** Where the parser was when it stopped: {@code odi.walking}, {@code psfs[0].score}. */
    private static String parsedPath(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "$";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                parts.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.add(0, context.getCurrentName());
            }
        }
        return parts.isEmpty() ? "$" : String.join(".", parts).replace(".[", "[");
    }

    private static String jsonPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return parts.isEmpty() ? "$" : String.join(".", parts).replace(".[", "[");
    }

    /** Drops the method and parameter nodes of a REST parameter's path: {@code register.request.birthDate} → {@code birthDate}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            String name = node.getName();
            if (node.getIndex() != null && !nodes.isEmpty()) {
                int last = nodes.size() - 1;
                nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
            }
            boolean named = node.getKind() == ElementKind.PROPERTY
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT;
            if (named && name != null && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        if (nodes.size() > 1) {
            nodes.remove(0);
        }
        return nodes.isEmpty() ? "$" : String.join(".", nodes);
    }

    private static String ruleOf(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }
}
