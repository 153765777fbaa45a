package io.backtrack.platform.problem;

import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * A request the HTTP layer cannot route at all (an HTTP/1.1 request whose Host header is no host) is a
 * 400 problem here. The framework's error page would call it "500 - Internal Server Error" under a 400
 * status, as plain text, and log it as an error: anyone could fill the log without a token.
 */
@ApplicationScoped
public class UnreadableRequests {

    private final RoutedProblems problems;

    public UnreadableRequests(RoutedProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::asProblem);
    }

    private void asProblem(RoutingContext context) {
        if (context.statusCode() != 400 || !(context.failure() instanceof VertxException)
                || context.response().headWritten()) {
            context.next();
            return;
        }
        problems.answer(context, Problem.badRequest("The request line or its headers could not be read.", List.of()));
    }
}
