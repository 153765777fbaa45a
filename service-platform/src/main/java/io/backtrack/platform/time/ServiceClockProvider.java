package io.backtrack.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/** Makes {@code @Past}/{@code @PastOrPresent} validation read the service's clock, not the system's. */
@ApplicationScoped
public class ServiceClockProvider implements ClockProvider {

    private final ServiceClock clock;

    public ServiceClockProvider(ServiceClock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
