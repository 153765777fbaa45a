package io.backtrack.platform.input;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every BackTrack body is JSON, {@code application/json} in UTF-8 (RFC 8259). A body of another declared
 * media type (a merge patch or a problem detail included: neither is what the operation reads), in
 * another charset, under a Content-Type that is no media type at all, or under none, is a 415 problem
 * here, before the REST layer tries to read it. An empty body is read as an empty JSON body, whatever
 * type a client library declared for it or none (the REST layer would otherwise answer a bare 400 or
 * 415).
 */
public class JsonBodiesOnly {

    /** The methods whose operations may read a body: one sent empty and untyped is read as empty JSON. */
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void refuseOtherMediaTypes(ContainerRequestContext request) {
        MediaType type = mediaType(request);
        if (type != null && isJson(type)) {
            return;
        }
        if (isEmpty(request)) {
            if (type != null || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null
                    || WRITES.contains(request.getMethod())) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
            return;
        }
        throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Request bodies are JSON in UTF-8: send Content-Type application/json.",
                List.of(new Violation("Content-Type", "application-json", "must be application/json, in UTF-8"))));
    }

    /** The declared media type; null when there is none, or when the header is not a media type at all. */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException notAMediaType) {
            return null;
        }
    }

    private static boolean isEmpty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        return !chunked && (length == null || length.trim().equals("0"));
    }

    private static boolean isJson(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()
                && (charset == null || charset.equalsIgnoreCase("UTF-8"));
    }
}
