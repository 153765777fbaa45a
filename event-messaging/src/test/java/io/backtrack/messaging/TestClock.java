package io.backtrack.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** In a service the platform's clock is injected; this library's tests use the system clock. */
class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
