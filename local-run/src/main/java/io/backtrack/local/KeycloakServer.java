package io.backtrack.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution, run with start-dev on 127.0.0.1 and the realm of
 * deploy/keycloak imported. The first run downloads and unpacks it; later runs reuse it.
 */
final class KeycloakServer implements AutoCloseable {

    static final String VERSION = "26.4.7";
    static final String REALM = "backtrack";
    private static final String DIST = "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/"
            + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakServer start(Path state, Path realmFile, int port) throws IOException, InterruptedException {
        Path home = install(state.resolve("keycloak"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path log = state.resolve("logs/keycloak.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                "--import-realm"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "local-demo-admin");
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        server.awaitRealm(log);
        return server;
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    private static Path install(Path dir) throws IOException, InterruptedException {
        Path home = dir.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(dir);
        Path zip = dir.resolve("keycloak-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            System.out.println("  downloading Keycloak " + VERSION + " from Maven Central (~160 MB, once)");
            Path partial = dir.resolve(zip.getFileName() + ".part");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(DIST)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("downloading " + DIST + " answered " + response.statusCode());
            }
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("  unpacking Keycloak");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
        return home;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keycloak's first start builds its server (~30–75 s here): show that it is working. */
    private void awaitRealm(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant started = Instant.now();
        Instant deadline = started.plus(Duration.ofMinutes(5));
        Instant nextReport = started.plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(nextReport)) {
                System.out.println("  Keycloak still starting (" + Duration.between(started, Instant.now()).toSeconds()
                        + " s; the first start builds the server)");
                nextReport = nextReport.plusSeconds(10);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready after 5 minutes; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
