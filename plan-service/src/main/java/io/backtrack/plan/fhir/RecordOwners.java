package io.backtrack.plan.fhir;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.sessions.Session;
import io.backtrack.platform.fhir.FhirIds;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a FHIR answer needs besides the patient's records: whose session an id names (so a read goes
 * through the same access check and audit as a search), and the catalog's exercise names.
 */
@ApplicationScoped
class RecordOwners {

    /** The plan version and patient of a session. */
    record SessionOwner(UUID planId, UUID patientId) {
    }

    /** Whose session an id names; an id of no session is "not found", like one the caller may not see. */
    @WithSession
    Uni<SessionOwner> ofSession(UUID sessionId) {
        return Session.<Session>findById(sessionId).map(session -> {
            if (session == null) {
                throw FhirIds.notFound(sessionId.toString());
            }
            return new SessionOwner(session.planId, session.patientId);
        });
    }

    @WithSession
    Uni<Map<String, String>> exerciseNames() {
        return Exercise.<Exercise>listAll().map(all -> all.stream().collect(Collectors.toMap(e -> e.code, e -> e.name)));
    }
}
