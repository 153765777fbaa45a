package io.backtrack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where and on what the figures were measured, and how fast one of its cores was then ({@link CoreSpeed}). */
record Machine(int cpus, String cpuModel, long memoryMiB, String os, String java, String commit, String date,
        double sha256MiBPerSecond) {

    static Machine describe(Path root) throws IOException, InterruptedException, NoSuchAlgorithmException {
        return new Machine(Runtime.getRuntime().availableProcessors(), field("/proc/cpuinfo", "model name"),
                Long.parseLong(field("/proc/meminfo", "MemTotal").replaceAll("\\D", "")) / 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), commit(root),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE),
                CoreSpeed.sha256MiBPerSecond());
    }

    String summary() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %d MiB of memory, %s, %s. Commit %s, %s. Before the system "
                + "started, one core hashed %.0f MiB/s of SHA-256 in Java. Two runs compare only when this matches, "
                + "and even then not always: two full runs on this project's shared 2-core host on 2026-11-27, both "
                + "at 1,728 MiB/s, logged 399 and 557 sessions/s, plan-service spending 1.8 and 1.1 ms of CPU per "
                + "session with nothing changed on that path between them; compare the figures of one run with "
                + "each other.", cpus, cpuModel, memoryMiB,
                os, java, commit, date, sha256MiBPerSecond);
    }

    private static String field(String file, String name) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static String commit(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").directory(root.toFile())
                .redirectErrorStream(true).start();
        String described = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return git.waitFor() == 0 ? described : "unknown";
    }
}
