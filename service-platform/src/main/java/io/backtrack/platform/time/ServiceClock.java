package io.backtrack.platform.time;

import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of a service. It follows the system clock; when controllable it keeps an offset
 * that an admin can move forward or set, so weeks of a journey pass in seconds while time still
 * flows between calls.
 */
@Singleton
public class ServiceClock extends Clock {

    private final boolean controllable;
    private final boolean backwards;
    private volatile Duration offset = Duration.ZERO;

    public ServiceClock(ClockConfig config) {
        this.controllable = config.controllable();
        this.backwards = config.allowBackwards();
        if (controllable) {
            Log.warn("Controllable clock is ON: admins can move this service's time. Never enable it in production.");
        }
    }

    public boolean isControllable() {
        return controllable;
    }

    public Duration offset() {
        return offset;
    }

    public synchronized Instant advance(Duration by) {
        requireControllable();
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(by);
        return instant();
    }

    /** Sets the time; backwards only where {@code backtrack.clock.allow-backwards} says so (a test's fixture). */
    public synchronized Instant setTo(Instant target) {
        requireControllable();
        if (!backwards && target.isBefore(instant())) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = Duration.between(Instant.now(), target);
        return instant();
    }

    private void requireControllable() {
        if (!controllable) {
            throw new IllegalStateException("the clock is not controllable");
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        ServiceClock source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }
}
