package io.backtrack.outcome;

import io.backtrack.testing.ServiceFoundationTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutcomeServiceFoundationTest extends ServiceFoundationTest {
}
