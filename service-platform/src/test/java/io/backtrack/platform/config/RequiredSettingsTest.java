package io.backtrack.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    @Test
    void aDeploymentWithoutDatabaseSettingsIsToldWhichAreMissing() {
        Map<String, String> given = Map.of("quarkus.datasource.reactive.url", "postgresql://db:5432/plan",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/plan",
                "quarkus.datasource.username", " ");
        assertThat(RequiredSettings.missing(key -> Optional.ofNullable(given.get(key))))
                .containsExactly("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_USERNAME");
    }

    @Test
    void aCompleteDeploymentStarts() {
        assertThat(RequiredSettings.missing(key -> Optional.of("set"))).isEmpty();
    }
}
