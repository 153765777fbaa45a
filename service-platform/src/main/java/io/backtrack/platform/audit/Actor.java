package io.backtrack.platform.audit;

import io.backtrack.platform.security.Caller;

/** Who did something: a caller of the API, or the service itself reacting to an event. */
public record Actor(String subject, String role, String clinicId) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.primaryRole(), caller.clinicId().orElse(null));
    }

    public static Actor system(String service) {
        return new Actor(service, "system", null);
    }
}
