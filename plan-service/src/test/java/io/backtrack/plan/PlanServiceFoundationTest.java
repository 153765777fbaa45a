package io.backtrack.plan;

import io.backtrack.testing.ServiceFoundationTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlanServiceFoundationTest extends ServiceFoundationTest {
}
