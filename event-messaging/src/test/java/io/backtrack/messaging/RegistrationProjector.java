package io.backtrack.messaging;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.patient.PatientRegistered;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer as a service writes it; it counts how often each registration was applied, and keeps the
 * span it applied the last one in.
 */
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
        ReadableSpan span = Span.current() instanceof ReadableSpan recorded ? recorded : null;
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO projected_registration (patient_id, times_applied, trace_id, parent_span_id, span_name,
                                                            login_subject)
                        VALUES (?1, 1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (patient_id) DO UPDATE SET times_applied = projected_registration.times_applied + 1,
                               trace_id = ?2, parent_span_id = ?3, span_name = ?4, login_subject = ?5""")
                .setParameter(1, registered.patientId())
                .setParameter(2, span == null ? "none" : span.getSpanContext().getTraceId())
                .setParameter(3, span == null ? "none" : span.getParentSpanContext().getSpanId())
                .setParameter(4, span == null ? "none" : span.getName())
                .setParameter(5, registered.loginSubject())
                .executeUpdate())
                .replaceWithVoid();
    }
}
