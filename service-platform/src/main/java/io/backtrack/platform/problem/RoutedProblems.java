package io.backtrack.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers with a problem from the HTTP layer, for what is refused before the REST layer and its mappers. */
@ApplicationScoped
public class RoutedProblems {

    private final ObjectMapper json;

    public RoutedProblems(ObjectMapper json) {
        this.json = json;
    }

    public void answer(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(context.request().path())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
