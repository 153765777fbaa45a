package io.backtrack.infra;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The single-node Kafka broker of module kafka-broker, run as its own JVM. Its standard input stays
 * an open pipe from us: when this JVM ends, however it ends, the broker sees EOF and stops.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String MAIN = "io.backtrack.broker.SingleNodeKafka";
    private static final String READY = "BACKTRACK-BROKER-READY";
    private static final String CLASSPATH_FILE = "kafka-broker/target/broker-classpath.txt";
    private static final int OUTPUT_LINES_KEPT = 60;

    private final Process process;
    private final int port;
    private final Optional<Path> deleteOnClose;
    private int scramPort;

    private KafkaBrokerProcess(Process process, int port, Optional<Path> deleteOnClose) {
        this.process = process;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker on the preferred port (or a free one, 0 prefers none) keeping its log in {@code logDir}. */
    public static KafkaBrokerProcess start(Path logDir, int preferredPort) throws IOException {
        return start(logDir, preferredPort, Optional.empty());
    }

    /** Starts a throw-away broker on a free port; its log directory is deleted on close (tests). */
    public static KafkaBrokerProcess startEphemeral() throws IOException {
        Path logDir = Files.createTempDirectory("backtrack-kafka");
        return start(logDir, 0, Optional.of(logDir), List.of());
    }

    /**
     * A throw-away broker that also has a SASL/SCRAM-SHA-512 listener, on {@link #scramPort()},
     * knowing one user: a deployment's way in, for the test that takes it.
     */
    public static KafkaBrokerProcess startEphemeralWithScram(String user, String password) throws IOException {
        Path logDir = Files.createTempDirectory("backtrack-kafka-scram");
        int scramPort = FreePort.find();
        KafkaBrokerProcess broker = start(logDir, 0, Optional.of(logDir), List.of("--scram-port", String.valueOf(scramPort),
                "--scram-user", user, "--scram-password", password));
        broker.scramPort = scramPort;
        return broker;
    }

    private static KafkaBrokerProcess start(Path logDir, int preferredPort, Optional<Path> deleteOnClose) throws IOException {
        return start(logDir, preferredPort, deleteOnClose, List.of());
    }

    private static KafkaBrokerProcess start(Path logDir, int preferredPort, Optional<Path> deleteOnClose,
            List<String> extraOptions) throws IOException {
        int port = FreePort.preferring(preferredPort);
        int controllerPort = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-cp", classpath(), MAIN,
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--log-dir", logDir.toAbsolutePath().toString()));
        command.addAll(extraOptions);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port, deleteOnClose);
        broker.awaitReady();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL/SCRAM listener's address, for a broker started with one. */
    public String scramBootstrapServers() {
        if (scramPort == 0) {
            throw new IllegalStateException("this broker has no SCRAM listener");
        }
        return "127.0.0.1:" + scramPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the ready line; the output read until then goes into the error when the broker fails. */
    private void awaitReady() throws IOException {
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(output, ready), "kafka-broker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            synchronized (output) {
                throw new IOException("Kafka broker did not start (" + e + "), its output:\n" + String.join("\n", output));
            }
        }
    }

    /** Keeps reading to the end, so the broker never blocks on a full pipe. */
    private void readOutput(Deque<String> output, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(READY)) {
                    ready.complete(null);
                } else if (!ready.isDone()) {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > OUTPUT_LINES_KEPT) {
                            output.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // the stream ends with the process
        }
        ready.completeExceptionally(new IllegalStateException("broker exited"));
    }

    /** SIGKILL, as a node failure would; the log directory stays, so a broker started on it resumes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    public int port() {
        return port;
    }

    /** Closing its stdin asks the broker for a clean shutdown. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (deleteOnClose.isPresent()) {
            deleteRecursively(deleteOnClose.get());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String classpath() throws IOException {
        Path file = classpathFile();
        Path classes = file.getParent().resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw notBuilt(classes);
        }
        return classes + File.pathSeparator + Files.readString(file).trim();
    }

    /** From the build's system property, else the nearest kafka-broker module above the working directory. */
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
        throw notBuilt(Path.of(configured != null ? configured : CLASSPATH_FILE));
    }

    private static IllegalStateException notBuilt(Path missing) {
        return new IllegalStateException("The Kafka broker is not built (" + missing
                + " is missing): run ./mvnw install first");
    }
}
