package io.backtrack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the JVM that started PostgreSQL and the broker must not leave either running. */
class ParentDeathTest {

    @Test
    void serversStopWhenTheJvmThatStartedThemIsKilled(@TempDir Path tmp) throws Exception {
        Process holder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                // reuse the PostgreSQL binaries zonky already unpacked for this JVM
                "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                "-Dbacktrack.broker.classpath-file=" + System.getProperty("backtrack.broker.classpath-file", ""),
                "-cp", System.getProperty("java.class.path"),
                InfrastructureHolder.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int postgresPort;
        int kafkaPort;
        List<ProcessHandle> started;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("ports printed by the holder JVM").isNotNull();
            String[] ports = line.split(" ");
            postgresPort = Integer.parseInt(ports[0]);
            kafkaPort = Integer.parseInt(ports[1]);
            assertThat(accepts(postgresPort)).isTrue();
            assertThat(accepts(kafkaPort)).isTrue();
            started = holder.descendants().collect(Collectors.toList());
        } finally {
            holder.destroyForcibly().waitFor();
        }

        for (ProcessHandle process : started) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        awaitPostmasterGone(tmp);
        assertThat(accepts(postgresPort)).as("PostgreSQL still listening").isFalse();
        assertThat(accepts(kafkaPort)).as("broker still listening").isFalse();
    }

    @Test
    void aServiceThatIgnoresSigintStillStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Process holder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                GuardedProcessHolder.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ProcessHandle guarded;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("pid printed by the holder JVM").isNotNull();
            guarded = ProcessHandle.of(Long.parseLong(line.trim())).orElseThrow();
        } finally {
            holder.destroyForcibly().waitFor();
        }

        guarded.onExit().get(30, TimeUnit.SECONDS);
        assertThat(guarded.isAlive()).isFalse();
    }

    /** The postmaster is not our descendant (pg_ctl detaches it); it removes its pid file last. */
    private static void awaitPostmasterGone(Path tmp) {
        await("PostgreSQL stopped").atMost(Duration.ofSeconds(30)).until(() -> !postmasterRunning(tmp));
    }

    private static boolean postmasterRunning(Path tmp) throws IOException {
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.anyMatch(dir -> Files.exists(dir.resolve("postmaster.pid")));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
