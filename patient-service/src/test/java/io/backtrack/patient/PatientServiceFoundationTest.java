package io.backtrack.patient;

import io.backtrack.testing.ServiceFoundationTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PatientServiceFoundationTest extends ServiceFoundationTest {
}
