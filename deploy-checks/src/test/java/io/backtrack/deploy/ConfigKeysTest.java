package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void readsConfigMappingsWithNestedGroupsAndWithoutDefaultMethods() {
        String source = """
                @ConfigMapping(prefix = "backtrack.demo")
                public interface DemoConfig {
                    /** Not a key: {@code ignored()}. */
                    @WithDefault("2s")
                    Duration pollInterval();

                    @WithName("renamed-key")
                    int original();

                    Relay relay();

                    interface Relay {
                        @WithDefault("100")
                        int batchSize();
                    }

                    default int derived() {
                        return pollInterval().toSecondsPart();
                    }
                }
                """;

        assertThat(ConfigKeys.ofJavaSource(source)).containsExactlyInAnyOrder(
                "backtrack.demo.poll-interval", "backtrack.demo.renamed-key", "backtrack.demo.relay.batch-size");
    }

    @Test
    void readsConfigPropertiesAndExpressions() {
        String source = """
                @Scheduled(every = "${backtrack.job.interval:5s}")
                Demo(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url) {}
                """;

        assertThat(ConfigKeys.ofJavaSource(source))
                .containsExactlyInAnyOrder("backtrack.job.interval", "quarkus.datasource.reactive.url");
    }

    @Test
    void collectsTheKeysOfAServiceAndTheSharedLibraries() {
        Set<String> keys = ConfigKeys.of(ProjectFiles.ROOT, "plan-service");

        assertThat(keys).contains(
                "quarkus.datasource.jdbc.url",
                "kafka.bootstrap.servers",
                "quarkus.oidc.auth-server-url",
                "quarkus.flyway.migrate-at-start",
                "backtrack.clock.controllable",
                "backtrack.messaging.source",
                "backtrack.messaging.relay.poll-interval",
                "backtrack.plan-clocks.interval",
                "mp.messaging.incoming.patient-events.topic");
        assertThat(keys).doesNotContain("%test.backtrack.clock.controllable", "backtrack.review.overdue-check-interval");
    }
}
