package io.backtrack.platform.problem;

import jakarta.ws.rs.core.Response;

/** The response carrying a problem detail, for the mappers of every package. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem, String path) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(path))
                .build();
    }
}
