package io.backtrack.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged service started as its own JVM, its output in a log file; it stops when this JVM ends. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The container images' collector, heap (25% of 512Mi, starting at 12.5%), class-metadata
     * threshold, native-heap trimming and exit on running out of heap (each service's
     * src/main/docker/Dockerfile.jvm). Without the initial heap the JVM would size it from this
     * machine's memory, start with all 128 MiB and never shrink below it.
     */
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx128m",
            "-XX:MetaspaceSize=128m", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError");

    private final ServiceSpec spec;
    private final Process process;
    private final OrphanGuard guard;
    private final Path log;
    private final ClassDataSharing classData;
    /** Whether it answered ready: a start that never did loaded too few classes to train an archive. */
    private volatile boolean wasReady;

    private ServiceProcess(ServiceSpec spec, Process process, OrphanGuard guard, Path log, ClassDataSharing classData) {
        this.spec = spec;
        this.process = process;
        this.guard = guard;
        this.log = log;
        this.classData = classData;
    }

    public static ServiceProcess start(Path root, ServiceSpec spec, PostgresEndpoint postgres, String kafka,
            Map<String, String> extraConfig, Path logDir) throws IOException {
        return start(root, spec, postgres, kafka, extraConfig, Map.of(), logDir);
    }

    /** As a deployment starts it: some settings as environment variables (e.g. {@code KAFKA_SASL_JAAS_CONFIG}). */
    public static ServiceProcess start(Path root, ServiceSpec spec, PostgresEndpoint postgres, String kafka,
            Map<String, String> extraConfig, Map<String, String> environment, Path logDir) throws IOException {
        Path runner = spec.runner(root);
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(runner + " is missing: build first with ./mvnw -DskipTests install");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(JVM);
        command.addAll(List.of("-Dquarkus.http.port=" + spec.port(),
                "-Dquarkus.management.port=" + spec.managementPort(),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(spec.database()),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(spec.database()),
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + kafka));
        extraConfig.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path appDir = runner.getParent();
        ClassDataSharing classData = ClassDataSharing.forStart(appDir, runner);
        command.addAll(classData.options());
        command.add("-jar");
        command.add(runner.getFileName().toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(appDir.toFile());
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(spec, process, OrphanGuard.terminateOnExit(process.pid()), log, classData);
    }

    /** Whether the next start of the service trains its class-data archive: the first start after a build. */
    public static boolean willTrain(Path root, ServiceSpec spec) {
        Path runner = spec.runner(root);
        return ClassDataSharing.forStart(runner.getParent(), runner).trains();
    }

    /** The file the service's output goes to. */
    public Path log() {
        return log;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200, or fails with the end of the service's log. It
     * asks every 50 ms: the benchmark reports the time to ready from this, to within that.
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(spec.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    wasReady = true;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(spec.name() + " not ready after " + timeout + "; see " + log);
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The operating-system process id, e.g. to read its resident memory. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook runs. */
    public void kill() throws IOException, InterruptedException {
        guard.close();
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        classData.processEnded(false);
    }

    /** SIGTERM, as Kubernetes stops a pod; killed if it has not exited after 20 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        guard.close();
        process.destroy();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        classData.processEnded(exited && wasReady);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
