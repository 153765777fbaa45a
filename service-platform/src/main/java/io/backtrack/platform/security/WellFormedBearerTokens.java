package io.backtrack.platform.security;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.RoutedProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * BackTrack's bearer tokens are signed JWTs (JWS compact: three base64url parts). Anything else is a
 * 401 problem here, before authentication: the OIDC layer fails on some malformed tokens
 * ({@code "Bearer ."}) with an exception that is not an authentication failure.
 */
@ApplicationScoped
public class WellFormedBearerTokens {

    /** Above authentication (200) and below CORS (300), so a browser's preflight is still answered. */
    private static final int PRIORITY = 250;
    private static final Pattern BEARER = Pattern.compile("(?is)bearer\\s.*");
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final RoutedProblems problems;

    public WellFormedBearerTokens(RoutedProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseMalformedTokens, PRIORITY);
    }

    private void refuseMalformedTokens(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !BEARER.matcher(authorization).matches()
                || JWS.matcher(authorization.substring("bearer".length()).trim()).matches()) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        problems.answer(context, Problem.unauthorized());
    }
}
