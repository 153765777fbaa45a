package io.backtrack.infra;

import java.nio.file.Path;

/**
 * One BackTrack service as the launcher runs it: its module, database, API port and management
 * port (health, metrics and the OpenAPI document of a packaged service).
 */
public record ServiceSpec(String name, String database, int port, int managementPort) {

    public Path runner(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }
}
