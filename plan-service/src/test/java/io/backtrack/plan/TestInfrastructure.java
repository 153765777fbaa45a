package io.backtrack.plan;

import io.backtrack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every @QuarkusTest of this module runs against real PostgreSQL, a real broker and the test OIDC server. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestInfrastructure {
}
