package io.backtrack.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses control characters in decoded path segments and query values before any resource reads them. */
public class SafeRequestLine {

    private static final String REQUIREMENT = "must not contain control characters";

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        if (!SafeText.isSafe(uri.getPath(true))) {
            throw new InvalidParameterException("path", REQUIREMENT);
        }
        for (Map.Entry<String, List<String>> entry : uri.getQueryParameters(true).entrySet()) {
            if (!SafeText.isSafe(entry.getKey())) {
                throw new InvalidParameterException("query", REQUIREMENT);
            }
            if (entry.getValue().stream().anyMatch(value -> !SafeText.isSafe(value))) {
                throw new InvalidParameterException(entry.getKey(), REQUIREMENT);
            }
        }
    }
}
