package io.backtrack.messaging;

import io.smallrye.mutiny.Uni;

/** Applies one event's effect; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> apply(ReceivedEvent event);
}
