package io.backtrack.outcome.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.outcome.Events;
import io.backtrack.platform.audit.AuditChainVerifier;
import io.backtrack.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Session-completed events that change nothing are applied on the SQL-client path (RoutineSessions);
 * the others, and any this service cannot vouch for, through Hibernate as before. Either way each event
 * is recorded once and audited once, on an intact chain.
 */
@QuarkusTest
class RoutineSessionsTest {

    private static final String CLINIC = "clinic-routine-sessions";
    private static final EventType SESSION = EventType.SESSION_COMPLETED;

    private final PlanEventsRecords records;
    private final AuditChainVerifier audit;

    RoutineSessionsTest(Pool pool, MeterRegistry registry, AuditChainVerifier audit) {
        this.records = new PlanEventsRecords(pool, registry);
        this.audit = audit;
    }

    private double consumed(String path) {
        return records.consumed(SESSION, path);
    }

    private long applied(String ceId) {
        return records.applied(ceId, SESSION);
    }

    @Test
    void aSessionThatChangesNothingIsRecordedAndAuditedOnceHoweverOftenItArrives() throws Throwable {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = records.activePlan(patientId, CLINIC);
        double routine = consumed("routine");
        double full = consumed("full");
        double duplicates = records.duplicates();
        String ceId = UUID.randomUUID().toString();
        SessionCompleted session = Events.session(patientId, CLINIC, planId, 4, 5, List.of());

        Events.publish(patientId, session, ceId);
        Events.publish(patientId, session, ceId);

        await().atMost(Duration.ofSeconds(30)).until(() -> records.duplicates()
                >= duplicates + 1 && applied(ceId) == 1);
        assertThat(consumed("routine")).isEqualTo(routine + 1);
        assertThat(consumed("full")).isEqualTo(full);
        assertThat(applied(ceId)).isEqualTo(1);
        assertThat(records.processed(ceId)).isEqualTo(1);
        assertThat(records.count("SELECT count(*) FROM escalation WHERE patient_id = $1", patientId)).isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(audit::verify).intact()).isTrue();
    }

    /**
     * The full path refuses a plan never activated, and a clinic that disagrees with the patient's
     * (UntrustedPlanEventsTest).
     */
    @Test
    void aFlareAPlanNeverActivatedAndAClinicThatDisagreesTakeTheFullPath() {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = records.activePlan(patientId, CLINIC);
        UUID stranger = UUID.randomUUID();
        double routine = consumed("routine");
        double full = consumed("full");

        String flare = Events.publish(patientId, Events.session(patientId, CLINIC, planId, 2, 8, List.of()));
        String unknownPlan = Events.publish(patientId, Events.session(patientId, CLINIC, UUID.randomUUID(), 4, 4,
                List.of()));
        String unknownPatient = Events.publish(stranger, Events.session(stranger, CLINIC, UUID.randomUUID(), 4, 4,
                List.of()));
        String elsewhere = Events.publish(patientId, Events.session(patientId, "clinic-elsewhere", planId, 4, 4,
                List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(flare) == 1
                && TopicProbe.readToEnd(Topic.PLAN.deadLetterTopicName()).stream()
                        .filter(r -> patientId.toString().equals(r.key()) || stranger.toString().equals(r.key()))
                        .count() == 3);
        assertThat(applied(unknownPlan)).isZero();
        assertThat(applied(unknownPatient)).isZero();
        assertThat(applied(elsewhere)).isZero();
        assertThat(consumed("full")).isEqualTo(full + 4);
        assertThat(consumed("routine")).isEqualTo(routine);
        assertThat(records.count(
                "SELECT count(*) FROM escalation WHERE patient_id = $1 AND type = 'PLAN_REVISION'", patientId))
                .as("the flare's recommendation").isEqualTo(1);
        assertThat(records.count("SELECT count(*) FROM patient_profile WHERE patient_id = $1", stranger))
                .as("no profile from a session on a plan never activated").isZero();
    }
}
