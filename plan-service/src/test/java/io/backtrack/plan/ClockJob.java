package io.backtrack.plan;

import io.backtrack.plan.clocks.DueClocks;
import io.quarkus.vertx.VertxContextSupport;

/** Runs one batch of plan-service's clock job now, on a Vert.x context as the scheduler would. */
public final class ClockJob {

    private ClockJob() {
    }

    /** How many due clocks the batch claimed. */
    public static int fire(DueClocks dueClocks) {
        try {
            return VertxContextSupport.subscribeAndAwait(dueClocks::fireDue);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
