package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services serve every metric the Grafana dashboard and the alert rules read
 * (deploy/monitoring/metrics.txt), so no panel stays empty and no alert watches a name that does
 * not exist. Counters created on their first event are left out: a healthy run need not show them.
 */
class MetricsSystemTest {

    private static final List<String> SERVICES = List.of("patient-service", "plan-service", "outcome-service");
    private static BackTrackSystem system;

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void theServicesServeEveryMetricTheDashboardAndTheAlertsRead() throws IOException {
        Set<String> expected = alwaysServed();
        assertThat(expected).as("deploy/monitoring/metrics.txt").hasSizeGreaterThan(15);
        for (String service : SERVICES) {
            given().auth().oauth2(TestTokens.clinician("clinic-metrics"))
                    .get(system.baseUrl(service) + "/api/v1/patients/" + UUID.randomUUID()).then().statusCode(404);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(served()).containsAll(expected));
    }

    /** The names of every sample the three services' /q/metrics show, without their labels. */
    private static Set<String> served() {
        Set<String> names = new TreeSet<>();
        for (String service : SERVICES) {
            String scrape = given().get(system.managementUrl(service) + "/q/metrics").then().statusCode(200)
                    .extract().asString();
            scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static Set<String> alwaysServed() throws IOException {
        Path listed = Path.of(System.getProperty("backtrack.root", "..")).resolve("deploy/monitoring/metrics.txt");
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(listed)) {
            String[] entry = line.strip().split("\\s+");
            if (!entry[0].isEmpty() && !entry[0].startsWith("#") && !(entry.length > 1 && entry[1].equals("first-event"))) {
                names.add(entry[0]);
            }
        }
        return names;
    }
}
