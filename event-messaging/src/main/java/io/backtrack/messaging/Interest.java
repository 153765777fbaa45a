package io.backtrack.messaging;

import io.backtrack.contracts.EventType;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The events a consumer acts on: those of its {@code types} that {@code applies} accepts. An event of
 * another type is acknowledged once its envelope and provenance are checked, without reading its
 * payload: its schema is for the consumers that use it to check. One of those types is read and
 * checked in full before {@code applies} sees it.
 */
public record Interest(Set<EventType> types, Predicate<ReceivedEvent> applies) {

    /** Every event of the consumer's topics. */
    public static final Interest ALL = new Interest(EnumSet.allOf(EventType.class), event -> true);

    public Interest {
        types = Set.copyOf(types);
    }

    public static Interest in(EventType first, EventType... more) {
        return new Interest(EnumSet.of(first, more), event -> true);
    }

    public Interest where(Predicate<ReceivedEvent> applies) {
        return new Interest(types, applies);
    }
}
