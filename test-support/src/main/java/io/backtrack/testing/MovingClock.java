package io.backtrack.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The profile of test classes that move the service clock forward: its own application instance, so
 * the days they add never reach the test classes that read today's date. It runs after those.
 */
public class MovingClock implements QuarkusTestProfile {
}
