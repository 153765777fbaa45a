package io.backtrack.local;

import java.nio.file.Path;

/** One BackTrack service as the launcher runs it: its module, database and HTTP port. */
record ServiceSpec(String name, String database, int port) {

    Path runner(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}
