package io.backtrack.platform.input;

import io.backtrack.platform.fhir.Fhir;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses control characters in decoded path segments and query values before any resource reads
 * them, and a query parameter of the REST API given twice: the resource would read one of the two and
 * silently drop the other (the FHIR API reads repeated parameters as its specification does).
 */
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
            if (entry.getValue().size() > 1 && !uri.getPath().startsWith(Fhir.BASE_PATH)) {
                throw new InvalidParameterException(entry.getKey(), "must be given once");
            }
        }
    }
}
