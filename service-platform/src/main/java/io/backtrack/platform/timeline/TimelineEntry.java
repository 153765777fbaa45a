package io.backtrack.platform.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One dated thing in a patient's episode, as each service serves it under
 * {@code GET /api/v1/patients/{patientId}/timeline}: when, what kind, the record it is about (read it
 * through that service's API) and a line for people. The three services' timelines share this
 * shape, so a screen merges them by {@code at}.
 */
public record TimelineEntry(Instant at, String kind, UUID id, String summary) {

    private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::kind).thenComparing(TimelineEntry::id);

    /** A day's entry, at the start of that day (UTC). */
    public static TimelineEntry on(LocalDate day, String kind, UUID id, String summary) {
        return new TimelineEntry(day.atStartOfDay().toInstant(ZoneOffset.UTC), kind, id, summary);
    }

    /** The entries in date order (ties by kind, then id, so the order is stable). */
    public static List<TimelineEntry> inOrder(List<TimelineEntry> entries) {
        return entries.stream().sorted(ORDER).toList();
    }
}
