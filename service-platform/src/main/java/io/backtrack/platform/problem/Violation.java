package io.backtrack.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a request: the field (JSON path) it concerns, the rule it breaks, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String rule, String message) {
}
