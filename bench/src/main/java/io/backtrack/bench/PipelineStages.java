package io.backtrack.bench;

import io.backtrack.contracts.EventType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a flare's time goes, read from the services' own timestamps after the run: the session
 * stored, its event published by plan-service's relay, consumed by outcome-service, the
 * recommendation published by outcome-service's relay, and read by the partner: each stage's latencies.
 */
final class PipelineStages {

    private static final String SESSIONS = """
            SELECT s.patient_id::text, s.logged_at, o.published_at, o.event_id::text
              FROM session s JOIN outbox_event o ON o.record_key = s.patient_id::text AND o.event_type = ?
             WHERE s.patient_id::text = ANY(?)""";
    private static final String CONSUMED = "SELECT event_id, processed_at FROM processed_event WHERE event_id = ANY(?)";
    private static final String RECOMMENDED = """
            SELECT record_key, min(published_at) FROM outbox_event
             WHERE event_type = ? AND record_key = ANY(?) GROUP BY record_key""";

    private PipelineStages() {
    }

    /** Stage name → its latencies, over the flares both of its timestamps are known for. */
    static Map<String, Latencies> of(BenchSystem system, Map<String, Instant> sent, Map<String, Instant> read)
            throws SQLException {
        String[] patients = sent.keySet().toArray(String[]::new);
        Map<String, Instant[]> times = new HashMap<>();
        Map<String, String> eventOf = new HashMap<>();
        try (Connection plan = system.connect(system.database("plan-service"));
                PreparedStatement query = plan.prepareStatement(SESSIONS)) {
            query.setString(1, EventType.SESSION_COMPLETED.ceType());
            query.setArray(2, plan.createArrayOf("text", patients));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant published = instant(rows, 3);
                    times.put(rows.getString(1), new Instant[] {sent.get(rows.getString(1)), instant(rows, 2), published,
                            null, null, read.get(rows.getString(1))});
                    eventOf.put(rows.getString(4), rows.getString(1));
                }
            }
        }
        try (Connection outcome = system.connect(system.database("outcome-service"))) {
            try (PreparedStatement query = outcome.prepareStatement(CONSUMED)) {
                Array ids = outcome.createArrayOf("text", eventOf.keySet().toArray(String[]::new));
                query.setArray(1, ids);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        times.get(eventOf.get(rows.getString(1)))[3] = instant(rows, 2);
                    }
                }
            }
            try (PreparedStatement query = outcome.prepareStatement(RECOMMENDED)) {
                query.setString(1, EventType.ESCALATION_RECOMMENDED.ceType());
                query.setArray(2, outcome.createArrayOf("text", patients));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant[] known = times.get(rows.getString(1));
                        if (known != null) {
                            known[4] = instant(rows, 2);
                        }
                    }
                }
            }
        }
        List<String> stages = List.of("POST to session stored", "stored to published by plan-service",
                "published to consumed by outcome-service", "consumed to recommendation published",
                "recommendation published to read by the partner");
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (int stage = 0; stage < stages.size(); stage++) {
            List<Long> nanos = new ArrayList<>();
            for (Instant[] flare : times.values()) {
                if (flare[stage] != null && flare[stage + 1] != null) {
                    nanos.add(Duration.between(flare[stage], flare[stage + 1]).toNanos());
                }
            }
            long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
            latencies.put(stages.get(stage), Latencies.ofNanos(values, values.length));
        }
        return latencies;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        var timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
