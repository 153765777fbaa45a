package io.backtrack.messaging;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.patient.PatientRegistered;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer as a service writes it; it counts how often each registration was applied. */
@ApplicationScoped
public class RegistrationProjector {

    static final String CONSUMER = "registration-projector";

    private final InboundEvents inbound;

    public RegistrationProjector(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("registrations")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        if (event.type() != EventType.PATIENT_REGISTERED) {
            return Uni.createFrom().voidItem();
        }
        PatientRegistered registered = event.payloadAs(PatientRegistered.class);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO projected_registration (patient_id, times_applied) VALUES (?1, 1)
                        ON CONFLICT (patient_id) DO UPDATE SET times_applied = projected_registration.times_applied + 1""")
                .setParameter(1, registered.patientId())
                .executeUpdate())
                .replaceWithVoid();
    }
}
