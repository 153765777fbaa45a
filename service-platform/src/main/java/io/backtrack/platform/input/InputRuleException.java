package io.backtrack.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that breaks an input rule; Jackson adds the field's path on the way up. */
public class InputRuleException extends MismatchedInputException {

    private final String rule;
    private final String requirement;

    public InputRuleException(JsonParser parser, String rule, String requirement) {
        super(parser, requirement);
        this.rule = rule;
        this.requirement = requirement;
    }

    public String rule() {
        return rule;
    }

    public String requirement() {
        return requirement;
    }
}
