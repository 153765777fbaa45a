package io.backtrack.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Makes {@code @Past}/{@code @PastOrPresent} validation read the service's clock. Validators are
 * built before runtime configuration exists, so the service clock is looked up on each reading.
 */
@ApplicationScoped
public class ServiceClockProvider implements ClockProvider {

    private final Clock clock;

    public ServiceClockProvider(Instance<ServiceClock> serviceClock) {
        this.clock = new Clock() {
            @Override
            public Instant instant() {
                return serviceClock.get().instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return serviceClock.get().withZone(zone);
            }
        };
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
