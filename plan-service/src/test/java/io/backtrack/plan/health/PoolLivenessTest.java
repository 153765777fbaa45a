package io.backtrack.plan.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A pool whose every connection is held (as leaked ones would be) fails liveness, and recovers once they return. */
@QuarkusTest
class PoolLivenessTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int maxSize;

    @Test
    void anExhaustedPoolFailsLivenessUntilItsConnectionsComeBack() {
        given().get("/q/health/live").then().statusCode(200);
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < maxSize; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/live").statusCode() == 503);
            given().get("/q/health/live").then().body(containsString("database-pool"))
                    .body(containsString("borrowsTimingOutSince"));
        } finally {
            held.forEach(connection -> connection.close().await().indefinitely());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/live").statusCode() == 200);
    }
}
