package io.backtrack.plan;

import io.backtrack.testing.MovingClock;
import io.backtrack.testing.ServiceFoundationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** It moves the service clock, so it runs in the application instance of the other tests that do. */
@QuarkusTest
@TestProfile(MovingClock.class)
class PlanServiceFoundationTest extends ServiceFoundationTest {
}
