package io.backtrack.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single-node Kafka broker of module kafka-broker, run as its own JVM. Its standard input stays
 * an open pipe from us: when this JVM ends, however it ends, the broker sees EOF and stops.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String MAIN = "io.backtrack.broker.SingleNodeKafka";
    private static final String READY = "BACKTRACK-BROKER-READY";
    private static final String CLASSPATH_FILE = "kafka-broker/target/broker-classpath.txt";

    private final Process process;
    private final int port;

    private KafkaBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a broker on the preferred port (or a free one) keeping its log in {@code logDir}. */
    public static KafkaBrokerProcess start(Path logDir, int preferredPort) throws IOException {
        int port = FreePort.preferring(preferredPort);
        int controllerPort = FreePort.find();
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-cp", classpath(), MAIN,
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--log-dir", logDir.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port);
        broker.awaitReady();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady() throws IOException {
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(null);
                    } else if (!ready.isDone()) {
                        synchronized (lastLines) {
                            lastLines.addLast(line);
                            if (lastLines.size() > 40) {
                                lastLines.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the broker is gone; awaitReady reports it
            }
            ready.completeExceptionally(new IllegalStateException("broker exited"));
        }, "kafka-broker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            synchronized (lastLines) {
                throw new IOException("Kafka broker did not start: " + e.getMessage() + "\n" + String.join("\n", lastLines));
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String classpath() throws IOException {
        Path file = classpathFile();
        Path classes = file.getParent().resolve("classes");
        return classes + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    private static Path classpathFile() {
        String configured = System.getProperty("backtrack.broker.classpath-file");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(CLASSPATH_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker classpath not found (" + CLASSPATH_FILE
                + "): build first with ./mvnw -DskipTests install");
    }
}
