package io.backtrack.messaging;

/**
 * Input that can never be applied, whatever the retries: the record goes to the dead-letter topic with
 * this reason (SmallRye writes it in {@code dead-letter-reason}). A handler throws it when an event
 * contradicts what its consumer knows; any other failure is retried.
 */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String reason) {
        super(reason, null, false, false);
    }
}
