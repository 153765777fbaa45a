package io.backtrack.platform.problem;

import java.time.Duration;
import java.util.Optional;

/** Thrown by domain code to answer with a problem detail; never logged as an error. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** A problem that goes away by itself: the client may retry after {@code retryAfter}. */
    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Problem problem() {
        return problem;
    }
}
