package io.backtrack.messaging;

/** The reason a record was sent to the dead-letter topic (SmallRye writes it in {@code dead-letter-reason}). */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String reason) {
        super(reason, null, false, false);
    }
}
