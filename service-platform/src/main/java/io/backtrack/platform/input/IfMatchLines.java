package io.backtrack.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code If-Match} sent on several field lines is one list (RFC 9110 §5.3); resources read the header
 * as one value, so the lines are joined here before any of them does.
 */
public class IfMatchLines {

    @ServerRequestFilter(preMatching = true)
    public void joinLines(ContainerRequestContext request) {
        List<String> lines = request.getHeaders().get(IfMatch.HEADER);
        if (lines != null && lines.size() > 1) {
            request.getHeaders().putSingle(IfMatch.HEADER, String.join(", ", lines));
        }
    }
}
