package io.backtrack.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.testing.MovingClock;
import io.backtrack.testing.ServiceFoundationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** It moves the service clock, so it runs in the application instance of the other tests that do. */
@QuarkusTest
@TestProfile(MovingClock.class)
class PlanServiceFoundationTest extends ServiceFoundationTest {

    /** A method a path does not take is refused before any token is checked: it may not add a series per path. */
    @Test
    void aMadeUpPathAddsNoMetricSeries() {
        String madeUp = "made-up-" + UUID.randomUUID();
        given().when().delete("/api/v1/exercises/" + madeUp).then().statusCode(405);

        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().contains("uri=\"UNMATCHED\""));
        assertThat(metrics()).doesNotContain(madeUp);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
