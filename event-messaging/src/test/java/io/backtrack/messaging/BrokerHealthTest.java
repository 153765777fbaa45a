package io.backtrack.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrokerHealthTest {

    @Test
    void readinessReportsTheBrokerAndTheOutboxFromMemory() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("event-broker"))
                .body("checks.find { it.name == 'event-broker' }.data.broker", equalTo("reachable")));
    }
}
