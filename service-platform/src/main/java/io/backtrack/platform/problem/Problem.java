package io.backtrack.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code violations} lists every offending field or rule at once;
 * {@code extensions} carries problem-specific members (e.g. warnings of a rejected plan).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://backtrack.io/problems/";

    public static Problem of(int status, String slug, String title, String detail, List<Violation> violations) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.copyOf(violations), Map.of());
    }

    public static Problem badRequest(String detail, List<Violation> violations) {
        return of(400, "invalid-request", "Invalid request", detail, violations);
    }

    public static Problem unprocessable(String detail, List<Violation> violations) {
        return of(422, "rule-violation", "The request breaks a rule", detail, violations);
    }

    public static Problem unprocessable(String field, String rule, String message) {
        return unprocessable(message, List.of(new Violation(field, rule, message)));
    }

    public static Problem unauthorized() {
        return of(401, "unauthorized", "Unauthorized", "A valid bearer token is required.", List.of());
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail, List.of());
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static Problem conflict(String slug, String detail) {
        return of(409, slug, "Conflict", detail, List.of());
    }

    public static Problem preconditionFailed(String detail) {
        return of(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, extensions);
    }

    public Problem withExtension(String name, Object value) {
        var merged = new LinkedHashMap<>(extensions);
        merged.put(name, value);
        return new Problem(type, title, status, detail, instance, violations, Map.copyOf(merged));
    }
}
