package io.backtrack.outcome.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.outcome.Events;
import io.backtrack.platform.audit.AuditChainVerifier;
import io.backtrack.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Adherence-missed events that recommend nothing are applied on the SQL-client path
 * (RoutineMissedWeeks); the run that reaches the threshold, and any event this service cannot vouch
 * for, through Hibernate as before. Either way each event is recorded once, audited once, on an intact
 * chain, and the plan's snapshot holds the run.
 */
@QuarkusTest
class RoutineMissedWeeksTest {

    private static final String CLINIC = "clinic-routine-missed-weeks";
    private static final EventType MISSED = EventType.ADHERENCE_MISSED;

    private final PlanEventsRecords records;
    private final AuditChainVerifier audit;

    RoutineMissedWeeksTest(Pool pool, MeterRegistry registry, AuditChainVerifier audit) {
        this.records = new PlanEventsRecords(pool, registry);
        this.audit = audit;
    }

    private double consumed(String path) {
        return records.consumed(MISSED, path);
    }

    private UUID planOf(UUID patientId) {
        return records.activePlan(patientId, CLINIC);
    }

    @Test
    void aMissedWeekBelowTheThresholdIsAppliedOnceOnTheRoutinePathHoweverOftenItArrives() throws Throwable {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = planOf(patientId);
        double routine = consumed("routine");
        double full = consumed("full");
        double duplicates = records.duplicates();
        String ceId = UUID.randomUUID().toString();
        AdherenceMissed missed = Events.missed(patientId, CLINIC, planId, 3, 1);

        Events.publish(patientId, missed, ceId);
        Events.publish(patientId, missed, ceId);

        await().atMost(Duration.ofSeconds(30)).until(() -> records.duplicates()
                >= duplicates + 1 && records.applied(ceId, MISSED) == 1);
        assertThat(consumed("routine")).isEqualTo(routine + 1);
        assertThat(consumed("full")).isEqualTo(full);
        assertThat(records.applied(ceId, MISSED)).isEqualTo(1);
        assertThat(records.processed(ceId)).isEqualTo(1);
        Row snapshot = records.row(
                "SELECT consecutive_missed_weeks, last_missed_week FROM plan_snapshot WHERE plan_id = $1", planId);
        assertThat(snapshot.getInteger(0)).isEqualTo(1);
        assertThat(snapshot.getInteger(1)).isEqualTo(3);
        assertThat(records.count("SELECT count(*) FROM escalation WHERE patient_id = $1", patientId)).isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(audit::verify).intact()).isTrue();
    }

    /**
     * The full path refuses a plan never activated, and a clinic that disagrees with the patient's and
     * the plan's (UntrustedPlanEventsTest).
     */
    @Test
    void theRunReachingTheThresholdAPlanNotKnownHereAndAClinicThatDisagreesTakeTheFullPath() {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = planOf(patientId);
        double routine = consumed("routine");
        double full = consumed("full");

        String threshold = Events.publish(patientId, Events.missed(patientId, CLINIC, planId, 3, 2));
        String unknownPlan = Events.publish(patientId, Events.missed(patientId, CLINIC, UUID.randomUUID(), 3, 1));
        String elsewhere = Events.publish(patientId, Events.missed(patientId, "clinic-elsewhere", planId, 4, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> records.applied(threshold, MISSED) == 1
                && TopicProbe.readToEnd(Topic.PLAN.deadLetterTopicName()).stream()
                        .filter(r -> patientId.toString().equals(r.key())).count() == 2);
        assertThat(records.applied(unknownPlan, MISSED)).isZero();
        assertThat(records.applied(elsewhere, MISSED)).isZero();
        assertThat(consumed("full")).isEqualTo(full + 3);
        assertThat(consumed("routine")).isEqualTo(routine);
        assertThat(records.count(
                "SELECT count(*) FROM escalation WHERE patient_id = $1 AND type = 'ADHERENCE_INTERVENTION'", patientId))
                .as("the threshold's recommendation").isEqualTo(1);
    }

    /**
     * Weeks redelivered late, after a later week: the one that reaches the threshold (full path) still
     * recommends, and neither it nor an older routine one turns the snapshot's run back.
     */
    @Test
    void aMissedWeekArrivingAfterALaterOneLeavesTheLaterRunOnEitherPath() {
        UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
        UUID planId = planOf(patientId);
        double routine = consumed("routine");
        double full = consumed("full");

        String latest = Events.publish(patientId, Events.missed(patientId, CLINIC, planId, 5, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> records.applied(latest, MISSED) == 1);
        String lateThreshold = Events.publish(patientId, Events.missed(patientId, CLINIC, planId, 4, 2));
        String lateRoutine = Events.publish(patientId, Events.missed(patientId, CLINIC, planId, 3, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> records.applied(lateThreshold, MISSED) == 1
                && records.applied(lateRoutine, MISSED) == 1);
        assertThat(consumed("routine")).isEqualTo(routine + 2);
        assertThat(consumed("full")).isEqualTo(full + 1);
        Row snapshot = records.row(
                "SELECT consecutive_missed_weeks, last_missed_week FROM plan_snapshot WHERE plan_id = $1", planId);
        assertThat(snapshot.getInteger(0)).isEqualTo(3);
        assertThat(snapshot.getInteger(1)).isEqualTo(5);
        assertThat(records.count(
                "SELECT count(*) FROM escalation WHERE patient_id = $1 AND type = 'ADHERENCE_INTERVENTION'", patientId))
                .as("the late threshold's recommendation").isEqualTo(1);
    }

    /**
     * Missed weeks, their redeliveries and routine sessions of the same patients, sent by parallel
     * producers released together in a seeded order: every event is applied once, every snapshot
     * holds its run, and every audit chain is intact.
     */
    @Test
    void missedWeeksRacingTheirDuplicatesAndSessionsAreEachAppliedOnce() throws Throwable {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<UUID> patients = new ArrayList<>();
        List<UUID> plans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID patientId = Events.registered(CLINIC, "patient-" + UUID.randomUUID());
            patients.add(patientId);
            plans.add(planOf(patientId));
        }
        List<Runnable> sends = new ArrayList<>();
        List<String> missedIds = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            UUID patientId = patients.get(i);
            AdherenceMissed missed = Events.missed(patientId, CLINIC, plans.get(i), 3, 1);
            String missedId = UUID.randomUUID().toString();
            SessionCompleted session = Events.session(patientId, CLINIC, plans.get(i), 4, 4, List.of());
            String sessionId = UUID.randomUUID().toString();
            missedIds.add(missedId);
            sessionIds.add(sessionId);
            sends.add(() -> Events.publish(patientId, missed, missedId));
            sends.add(() -> Events.publish(patientId, missed, missedId));
            sends.add(() -> Events.publish(patientId, session, sessionId));
        }
        Collections.shuffle(sends, random);
        CyclicBarrier start = new CyclicBarrier(sends.size());
        ExecutorService producers = Executors.newFixedThreadPool(sends.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Runnable send : sends) {
                sent.add(producers.submit(() -> {
                    start.await();
                    send.run();
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            producers.shutdownNow();
        }

        await("seed " + seed).atMost(Duration.ofSeconds(60))
                .until(() -> missedIds.stream().allMatch(id -> records.applied(id, MISSED) >= 1)
                        && sessionIds.stream().allMatch(id -> records.applied(id, EventType.SESSION_COMPLETED) >= 1));
        for (int i = 0; i < patients.size(); i++) {
            assertThat(records.applied(missedIds.get(i), MISSED)).as("seed " + seed).isEqualTo(1);
            assertThat(records.processed(missedIds.get(i))).as("seed " + seed).isEqualTo(1);
            assertThat(records.applied(sessionIds.get(i), EventType.SESSION_COMPLETED)).as("seed " + seed)
                    .isEqualTo(1);
            assertThat(records.count("SELECT consecutive_missed_weeks FROM plan_snapshot WHERE plan_id = $1",
                    plans.get(i))).as("seed " + seed).isEqualTo(1);
        }
        assertThat(VertxContextSupport.subscribeAndAwait(audit::verify).intact()).as("seed " + seed).isTrue();
    }
}
