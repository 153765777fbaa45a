package io.backtrack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The CPU time each part of the system spent over a measured window, read from /proc: each service
 * process (replicas included), PostgreSQL (the postmaster, its backends, and backends that ended
 * meanwhile), the broker, and this JVM, which is both the load generator and the token issuer; and
 * how busy the whole machine was. Divided by the operations of the window, it is each part's CPU cost
 * per operation, and the machine's cores divided by their sum is the most the system can do here.
 */
final class CpuTime {

    /** USER_HZ: the unit of every CPU time in /proc, 100 on every Linux the harness runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final String POSTGRES = "PostgreSQL";
    private static final String BROKER = "Kafka broker";
    private static final String HARNESS = "load generator and token issuer";

    /** CPU ticks per part at one moment ({@link System#nanoTime()}), and the machine's busy and total ticks. */
    record Sample(Map<String, Long> parts, long machineBusy, long machineTotal, long nanoTime) {
    }

    /** Seconds of CPU per part over a window of {@code windowSeconds}, and the share of the machine that was busy. */
    record Use(Map<String, Double> seconds, double machineBusyShare, double windowSeconds) {

        double totalSeconds() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private CpuTime() {
    }

    /**
     * The use over the window from {@code after} to {@code after + length} from now, sampled on a thread
     * of its own while the caller runs the load that the window measures.
     */
    static CompletableFuture<Use> over(BenchSystem system, Duration after, Duration length) {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            parkUntil(start + after.toNanos());
            Sample before = sample(system);
            parkUntil(start + after.plus(length).toNanos());
            return between(before, sample(system));
        }, task -> new Thread(task, "bench-cpu-time").start());
    }

    static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static Sample sample(BenchSystem system) {
        Map<String, Long> parts = new LinkedHashMap<>();
        system.processes().forEach((name, pid) -> parts.put(name, ownTicks(pid)));
        parts.put(POSTGRES, postgresTicks(system.postgres.port()));
        ProcessHandle.current().children()
                .filter(child -> arguments(child.pid()).stream().anyMatch(arg -> arg.startsWith("io.backtrack.broker.")))
                .forEach(broker -> parts.put(BROKER, ownTicks(broker.pid())));
        parts.put(HARNESS, ownTicks(ProcessHandle.current().pid()));
        long[] machine = machineTicks();
        return new Sample(parts, machine[0], machine[1], System.nanoTime());
    }

    static Use between(Sample before, Sample after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.parts().forEach((part, ticks) -> seconds.put(part,
                (ticks - before.parts().getOrDefault(part, 0L)) / TICKS_PER_SECOND));
        long total = after.machineTotal() - before.machineTotal();
        return new Use(seconds, total == 0 ? 0 : (double) (after.machineBusy() - before.machineBusy()) / total,
                (after.nanoTime() - before.nanoTime()) / 1e9);
    }

    /** A process's own user and system time. */
    private static long ownTicks(long pid) {
        long[] fields = statFields(pid);
        return fields[0] + fields[1];
    }

    /**
     * The postmaster listening on {@code port}, with the time of the backends it has reaped, and its
     * live backends: a backend that ends within a window moves its time into its parent's, so the
     * difference of two samples counts it once.
     */
    private static long postgresTicks(int port) {
        long postmaster = postmasterOn(port);
        long[] own = statFields(postmaster);
        long children = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)
                .mapToLong(child -> ownTicksOrZero(child.pid())).sum();
        return own[0] + own[1] + own[2] + own[3] + children;
    }

    private static long postmasterOn(int port) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Long::valueOf)
                    .filter(pid -> {
                        List<String> args = arguments(pid);
                        return !args.isEmpty() && args.get(0).endsWith("/postgres")
                                && args.contains("-p") && args.contains(String.valueOf(port));
                    })
                    .findFirst().orElseThrow(() -> new IllegalStateException("no postmaster on port " + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ownTicksOrZero(long pid) {
        try {
            return ownTicks(pid);
        } catch (UncheckedIOException ended) {
            return 0;
        }
    }

    private static List<String> arguments(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
            return cmdline.isEmpty() ? List.of() : List.of(cmdline.split("\0"));
        } catch (IOException ended) {
            return List.of();
        }
    }

    /** utime, stime, cutime and cstime of /proc/[pid]/stat (fields 14 to 17, after the command name). */
    private static long[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Busy (user, nice, system, irq, softirq, steal) and total ticks of all CPUs, from /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
            return new long[] {busy, total};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
