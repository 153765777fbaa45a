package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.infra.FreePort;
import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.ServiceProcess;
import io.backtrack.infra.ServiceSpec;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service reaches Kafka as a deployment does: through a SASL/SCRAM-SHA-512 listener, with the
 * credentials in the environment variables the Kubernetes manifests set from the Secret.
 */
class KafkaCredentialsSystemTest {

    private static final String USER = "backtrack-patient-service";
    private static final String PASSWORD = "scram-test-password";
    private static final String CLINIC = "clinic-scram";

    private static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    private static KafkaBrokerProcess broker;
    private static String keycloakUrl;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBrokerProcess.startEphemeralWithScram(USER, PASSWORD);
        keycloakUrl = OIDC.start().get("keycloak.url");
        LocalPostgres.external(RealInfrastructure.postgres()).createDatabaseIfAbsent("scram_patient");
    }

    @AfterAll
    static void stop() throws Exception {
        OIDC.stop();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theRightCredentialsPublishAndTheWrongOnesOnlyDegrade() throws Exception {
        try (ServiceProcess service = patientService(PASSWORD)) {
            String patient = register(service);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> TopicProbe.readToEnd(broker.bootstrapServers(), Topic.PATIENT.topicName()).stream()
                            .anyMatch(record -> patient.equals(record.key())));
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(service).contains("\"broker\":\"reachable\""));
        }
        try (ServiceProcess service = patientService("not-the-password")) {
            String patient = register(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(service).contains("unreachable"));
            assertThat(TopicProbe.readToEnd(broker.bootstrapServers(), Topic.PATIENT.topicName()))
                    .noneMatch(record -> patient.equals(record.key()));
        }
    }

    private static ServiceProcess patientService(String password) throws Exception {
        Path root = Path.of(System.getProperty("backtrack.root", "..")).toAbsolutePath();
        ServiceSpec spec = new ServiceSpec("patient-service", "scram_patient", FreePort.find(), FreePort.find());
        ServiceProcess service = ServiceProcess.start(root, spec, RealInfrastructure.postgres(),
                broker.scramBootstrapServers(),
                Map.of("quarkus.oidc.auth-server-url", keycloakUrl + "/realms/quarkus/",
                        "backtrack.audit.hmac-key", "system-test-audit-key-0123456789abcdefgh",
                        "backtrack.messaging.broker.probe-interval", "1s"),
                Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                + "username=\"" + USER + "\" password=\"" + password + "\";"),
                root.resolve("system-tests/target/service-logs/scram"));
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    private static String register(ServiceProcess service) {
        return given().auth().oauth2(TestTokens.clinician(CLINIC)).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Scram\",\"familyName\":\"User\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}")
                .post(service.spec().url() + "/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    private static String readiness(ServiceProcess service) {
        return given().get(service.spec().managementUrl() + "/q/health/ready").asString().replace(" ", "");
    }
}
