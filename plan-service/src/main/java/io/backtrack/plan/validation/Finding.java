package io.backtrack.plan.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a plan rule found: a violation (rejects the plan unless overridden, where allowed) or a
 * warning (returned with the plan). {@code item} is the exercise code and {@code condition} the
 * ICD-10-CM code the finding is about, when it is about one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String ruleId, Severity severity, boolean overridable, String item, String condition, String message) {

    public enum Severity {
        VIOLATION,
        WARNING
    }

    static Finding violation(PlanRule rule, String item, String condition, String message) {
        return new Finding(rule.id(), Severity.VIOLATION, rule.overridable(), item, condition, message);
    }

    static Finding warning(PlanRule rule, String item, String condition, String message) {
        return new Finding(rule.id(), Severity.WARNING, false, item, condition, message);
    }

    @JsonIgnore
    public boolean isViolation() {
        return severity == Severity.VIOLATION;
    }
}
