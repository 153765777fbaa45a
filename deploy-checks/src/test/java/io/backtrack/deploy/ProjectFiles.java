package io.backtrack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files live: the project root, handed in by the build (see this module's pom). */
final class ProjectFiles {

    static final Path ROOT = locateRoot();

    static final String[] SERVICES = {"patient-service", "plan-service", "outcome-service"};

    private ProjectFiles() {
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
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
