package io.backtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random interleavings of intake, red-flag, plan, revision, status-change, session, measure and
 * escalation-transition requests, sent in parallel against the real services, PostgreSQL and Kafka.
 * After each one: no ACTIVE plan under an open blocking flag, no accepted plan breaking a rule it did
 * not override, at most one current plan, one transition per escalation decision, one stored record
 * per Idempotency-Key, no 5xx; at the end, one escalation-updated event per decision.
 * {@code -Dbacktrack.interleavings=N} and {@code -Dbacktrack.interleavings.seed=S} rerun or soak it.
 */
class InterleavingsSystemTest {

    private static final int COUNT = Integer.getInteger("backtrack.interleavings", 200);
    private static final int PARALLEL = Integer.getInteger("backtrack.interleavings.parallel", 6);

    private static BackTrackSystem system;

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void everyInvariantHoldsInEveryInterleaving() throws Exception {
        long masterSeed = Long.getLong("backtrack.interleavings.seed", System.currentTimeMillis());
        System.out.printf("Interleavings: %d from seed %d (interleaving i has seed %d + i)%n", COUNT, masterSeed,
                masterSeed);
        Instant started = Instant.now();
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
        List<Interleaving> interleavings = new ArrayList<>();
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Interleaving interleaving = new Interleaving(system, masterSeed + i);
            interleavings.add(interleaving);
            results.add(workers.submit(interleaving::run));
        }
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            try {
                broken.addAll(results.get(i).get(5, TimeUnit.MINUTES));
            } catch (Exception e) {
                broken.add("seed " + interleavings.get(i).seed() + ": failed to run: " + e.getCause());
            }
        }
        workers.shutdownNow();
        System.out.printf("Interleavings ran in %d s%n", Duration.between(started, Instant.now()).toSeconds());
        broken.addAll(oneEventPerDecision(interleavings));
        assertThat(broken).as("broken invariants (rerun one with -Dbacktrack.interleavings.seed=<seed> "
                + "-Dbacktrack.interleavings=1)").isEmpty();
    }

    /** The escalation-updated events on the partner topic, read to its end once the outbox has drained. */
    private static List<String> oneEventPerDecision(List<Interleaving> interleavings) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Databases.count("outcome",
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        Map<String, Long> events = TopicProbe.readToEnd(Topic.OUTCOME.topicName()).stream()
                .filter(r -> EventType.ESCALATION_UPDATED.ceType().equals(TopicProbe.header(r, "ce_type")))
                .map(r -> json(r.value()).path("escalationId").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> broken = new ArrayList<>();
        for (Interleaving interleaving : interleavings) {
            Interleaving.Decisions decisions = interleaving.decisions();
            if (decisions == null) {
                continue;
            }
            long published = events.getOrDefault(decisions.escalationId(), 0L);
            if (published != decisions.succeeded()) {
                broken.add("seed " + interleaving.seed() + ": escalation " + decisions.escalationId() + " has "
                        + published + " escalation-updated events for " + decisions.succeeded() + " decisions");
            }
        }
        System.out.printf("Interleavings with escalation decisions: %d%n",
                interleavings.stream().filter(i -> i.decisions() != null).count());
        return broken;
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
