package io.backtrack.infra;

import java.nio.file.Path;

/** One BackTrack service as the launcher runs it: its module, database and HTTP port. */
public record ServiceSpec(String name, String database, int port) {

    public Path runner(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }
}
