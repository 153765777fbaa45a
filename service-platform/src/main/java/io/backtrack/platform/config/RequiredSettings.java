package io.backtrack.platform.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without the settings a deployment must give: no silent fallback to a database
 * on localhost with a default password.
 */
@Startup
@ApplicationScoped
public class RequiredSettings {

    static final Map<String, String> REQUIRED = Map.of(
            "quarkus.datasource.reactive.url", "QUARKUS_DATASOURCE_REACTIVE_URL",
            "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL",
            "quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME",
            "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");

    public RequiredSettings(Config config) {
        List<String> missing = missing(key -> config.getOptionalValue(key, String.class));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing settings, set them in the environment: " + String.join(", ", missing));
        }
    }

    static List<String> missing(Function<String, Optional<String>> lookup) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((key, variable) -> {
            if (lookup.apply(key).filter(value -> !value.isBlank()).isEmpty()) {
                missing.add(variable);
            }
        });
        missing.sort(String::compareTo);
        return missing;
    }
}
