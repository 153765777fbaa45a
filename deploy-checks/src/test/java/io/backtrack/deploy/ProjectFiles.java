package io.backtrack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the checked files live: the project root, handed in by the build (see this module's pom). */
final class ProjectFiles {

    static final Path ROOT = locateRoot();

    static final String[] SERVICES = {"patient-service", "plan-service", "outcome-service"};

    private ProjectFiles() {
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    /** The service names, as a JUnit argument source. */
    static Stream<String> services() {
        return Stream.of(SERVICES);
    }

    /** The OpenAPI document the build wrote for a service; fails when the service has not been built. */
    static Path openApiDocument(String service) {
        Path document = resolve(service + "/target/openapi/openapi.json");
        if (!Files.isRegularFile(document)) {
            throw new AssertionError(document + " is missing: build " + service + " first (./mvnw verify)");
        }
        return document;
    }

    private static Path locateRoot() {
        String configured = System.getProperty("backtrack.project-root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("No docker-compose.yml under project root " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }
}
