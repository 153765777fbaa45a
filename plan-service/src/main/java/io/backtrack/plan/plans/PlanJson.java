package io.backtrack.plan.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.plan.validation.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the JSON columns of a plan. */
@ApplicationScoped
public class PlanJson {

    private static final TypeReference<List<PlanPhase>> PHASES = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<PlanRequest.Override>> OVERRIDES = new TypeReference<>() { };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };

    private final ObjectMapper json;

    public PlanJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PlanPhase> phases(Plan plan) {
        return read(plan.phases, PHASES);
    }

    public List<String> strings(String column) {
        return read(column, STRINGS);
    }

    public List<PlanRequest.Override> overrides(Plan plan) {
        return read(plan.overrides, OVERRIDES);
    }

    public List<Finding> warnings(Plan plan) {
        return read(plan.warnings, FINDINGS);
    }

    public List<Finding> holdViolations(Plan plan) {
        return read(plan.holdViolations, FINDINGS);
    }

    private <T> T read(String column, TypeReference<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan JSON does not map back", e);
        }
    }
}
