package io.backtrack.platform.problem;

import jakarta.ws.rs.core.Response;

final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem, String path) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(path))
                .build();
    }
}
