package io.backtrack.outcome.events;

import io.backtrack.contracts.EventType;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.RoutineEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The routine events of plan-service's topic, each type to its own path. */
@ApplicationScoped
public class RoutinePlanEvents implements RoutineEvents {

    private final Map<EventType, RoutineEvents> byType;

    public RoutinePlanEvents(RoutineSessions sessions, RoutineMissedWeeks missedWeeks) {
        this.byType = Map.of(EventType.SESSION_COMPLETED, sessions, EventType.ADHERENCE_MISSED, missedWeeks);
    }

    @Override
    public boolean mayBeRoutine(ReceivedEvent event) {
        RoutineEvents routine = byType.get(event.type());
        return routine != null && routine.mayBeRoutine(event);
    }

    @Override
    public Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event) {
        return byType.get(event.type()).apply(connection, event);
    }
}
