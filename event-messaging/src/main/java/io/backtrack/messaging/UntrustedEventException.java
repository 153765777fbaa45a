package io.backtrack.messaging;

/**
 * An event that contradicts what its consumer knows (a patient it never registered, another clinic):
 * dead-lettered like unusable input, and reported as a security event.
 */
public class UntrustedEventException extends UnusableEventException {

    public UntrustedEventException(String reason) {
        super(reason);
    }
}
