package io.backtrack.platform.input;

import jakarta.ws.rs.BadRequestException;

/** A path or query value that cannot be read as its declared type; a WebApplicationException so the REST layer passes it on as is. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String requirement;

    public InvalidParameterException(String parameter, String requirement) {
        super("Parameter '" + parameter + "' " + requirement + ".");
        this.parameter = parameter;
        this.requirement = requirement;
    }

    public String parameter() {
        return parameter;
    }

    public String requirement() {
        return requirement;
    }
}
