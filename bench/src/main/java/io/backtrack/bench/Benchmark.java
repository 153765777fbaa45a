package io.backtrack.bench;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongFunction;

/**
 * Measures the packaged system on this machine and writes {@code docs/performance.md}. Options:
 * {@code --quick} (a smoke run of seconds: small sizes, written to bench/target instead),
 * {@code --patients N}, {@code --seconds S} (each measured run), {@code --warm-up S} (before each closed-loop run),
 * {@code --clock-plans N}, {@code --pipeline-rate R} (the pipeline's sessions/s at most, 200 unless told), and
 * {@code --only sessions}, {@code --only pipeline} or {@code --only clocks} (measures that alone and prints it,
 * writing nothing: a loop to profile one hot path in; the pipeline comes after session logging at saturation,
 * as in the full run, which warms the services up). {@code -Dbench.service.<key>=<value>} sets a
 * configuration key of every service, to compare a setting.
 */
public final class Benchmark {

    private static final int CONCURRENCY = 16;
    private static final int SESSION_EVENT_BYTES = 800;

    private final Options options;
    private final Path root;

    private Benchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    record Options(boolean quick, String only, int patients, Duration warmUp, Duration measured, double pipelinePerSecond,
            int clockPlans, int aborts) {

        static Options parse(List<String> args) {
            boolean quick = args.contains("--quick");
            int patients = quick ? 20 : 200;
            int seconds = quick ? 3 : 30;
            int clockPlans = quick ? 1_000 : 100_000;
            int warmUp = quick ? 2 : 60;
            double pipelineRate = quick ? 50 : 200;
            String only = null;
            for (int i = 0; i + 1 < args.size(); i++) {
                switch (args.get(i)) {
                    case "--patients" -> patients = Integer.parseInt(args.get(i + 1));
                    case "--seconds" -> seconds = Integer.parseInt(args.get(i + 1));
                    case "--clock-plans" -> clockPlans = Integer.parseInt(args.get(i + 1));
                    case "--warm-up" -> warmUp = Integer.parseInt(args.get(i + 1));
                    case "--only" -> only = args.get(i + 1);
                    case "--pipeline-rate" -> pipelineRate = Double.parseDouble(args.get(i + 1));
                    default -> {
                    }
                }
            }
            return new Options(quick, only, patients, Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds),
                    pipelineRate, clockPlans, quick ? 50 : 400);
        }

        int flaringPatients() {
            return flaresIn(measured);
        }

        /** The pipeline's warm-up: long enough for the escalation path's queue to settle once it is compiled. */
        Duration pipelineWarmUp() {
            return quick ? Duration.ofSeconds(2) : Duration.ofSeconds(20);
        }

        int warmUpFlaringPatients() {
            return flaresIn(pipelineWarmUp());
        }

        private int flaresIn(Duration run) {
            return (int) (pipelinePerSecond * run.toSeconds() / 10);
        }
    }

    /** Exits, with 1 on a failure: a client library's threads would otherwise keep the JVM running. */
    public static void main(String[] args) {
        try {
            measure(List.of(args));
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(List<String> args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Options options = Options.parse(args);
        if (options.only() != null) {
            new Benchmark(options, root).only(options.only());
            return;
        }
        Path out = options.quick() ? root.resolve("bench/target/performance-smoke.md") : root.resolve("docs/performance.md");
        Report report = new Benchmark(options, root).run();
        System.out.println(report.markdown());
        report.writeTo(out);
        System.out.println("Written to " + root.relativize(out));
    }

    private Report run() throws Exception {
        Machine machine = Machine.describe(root);
        step("starting PostgreSQL (fsync on), the broker, the token issuer and the three services");
        try (BenchSystem system = BenchSystem.start(root, root.resolve("bench/target/logs"))) {
            Clinic clinic = new Clinic(system);
            step("seeding " + options.patients() + " patients with active plans, and "
                    + (options.warmUpFlaringPatients() + options.flaringPatients()) + " more for the pipeline");
            List<Clinic.Patient> patients = clinic.seed(options.patients());
            Flaring flaring = seedFlaring(clinic);
            settle(system);

            List<List<String>> requests = new ArrayList<>();
            step("session logging");
            SessionsAtSaturation saturated = sessionsAtSaturation(system, clinic, patients);
            Load.Result sessions = saturated.load();
            requests.add(Report.row(sessions));
            requests.add(Report.row(half(sessions, i -> clinic.session(patients.get(index(i, patients)), false))));
            settle(system);
            step("intake POST");
            Load.Result intakes = saturate("intake POST", i -> clinic.intakeFor(patients.get(index(i, patients))));
            requests.add(Report.row(intakes));
            requests.add(Report.row(half(intakes, i -> clinic.intakeFor(patients.get(index(i, patients))))));
            settle(system);
            step("progress GET");
            Load.Result progress = saturate("progress GET", i -> clinic.progressOf(patients.get(index(i, patients))));
            requests.add(Report.row(progress));
            requests.add(Report.row(half(progress, i -> clinic.progressOf(patients.get(index(i, patients))))));

            double pipelineRate = pipelineRate(sessions);
            PipelineRuns pipeline = pipeline(system, clinic, patients, flaring, pipelineRate);
            settle(system);
            step("baselines: pgbench and a raw Kafka round trip");
            DatabaseBaseline.Figures pgbench = DatabaseBaseline.run(system.postgres, system.database("plan-service"),
                    CONCURRENCY, options.measured(), root.resolve("bench/target"));
            Latencies broker = BrokerBaseline.roundTrip(system.kafka, pipelineRate, options.measured(),
                    SESSION_EVENT_BYTES);

            step("a run that ends with " + options.aborts() + " sessions in flight");
            InFlightAborts.abortSessions(clinic, patients, options.aborts());
            List<List<String>> services = new ArrayList<>();
            for (String service : BenchSystem.SERVICES) {
                services.add(new ArrayList<>(List.of(service,
                        Report.number(system.readyAfter.get(service).toMillis() / 1000.0),
                        String.valueOf(system.residentMiB(service)),
                        Report.number(InFlightAborts.fewestLentOut(system.management(service))))));
            }

            settle(system);
            step("a second plan-service replica on the same database");
            Replicas.Figures replicas = Replicas.run(system, clinic, patients, this::saturate);

            step("one clock pass over " + options.clockPlans() + " active plans, with both plan-service replicas");
            ClockPass.Figures clocks = ClockPass.run(system, options.clockPlans(), Duration.ofMinutes(15));

            step("stopping the services");
            Map<String, Duration> stoppedAfter = system.stopServices();
            for (List<String> row : services) {
                row.add(Report.number(stoppedAfter.get(row.get(0)).toMillis() / 1000.0));
            }
            return report(machine, requests, saturated, pipelineRate, pipeline, pgbench, broker, services, replicas,
                    clocks);
        }
    }

    private void only(String part) throws Exception {
        step(String.format(Locale.ROOT, "one core hashes %.0f MiB/s of SHA-256 (compare runs only when this matches)",
                CoreSpeed.sha256MiBPerSecond()));
        try (BenchSystem system = BenchSystem.start(root, root.resolve("bench/target/logs"))) {
            switch (part) {
                case "sessions" -> {
                    Clinic clinic = new Clinic(system);
                    List<Clinic.Patient> patients = clinic.seed(options.patients());
                    settle(system);
                    step("session logging; plan-service is process " + system.services.get("plan-service").pid());
                    sessionsAtSaturation(system, clinic, patients);
                    for (String service : system.services.keySet()) {
                        System.out.println("  " + service + " resident after the load: " + system.residentMiB(service)
                                + " MiB");
                    }
                }
                case "clocks" -> {
                    step("one clock pass over " + options.clockPlans() + " active plans, one plan-service");
                    ClockPass.Figures clocks = ClockPass.run(system, options.clockPlans(), Duration.ofMinutes(15));
                    System.out.println("  " + clocks.fired() + " of " + clocks.plans() + " fired in "
                            + clocks.elapsed().toMillis() + " ms (first to last batch " + clocks.firing().toMillis()
                            + " ms); " + clocks.events() + " events");
                    printRows(cpuRows(clocks.cpu(), DoubleUnaryOperator.identity()));
                    printRows(statementRows(clocks.statements(), DoubleUnaryOperator.identity()));
                    System.out.println("  outcome-service applied " + clocks.applied().events() + " of them in "
                            + clocks.applied().elapsed().toMillis() + " ms");
                    printRows(cpuRows(clocks.applied().cpu(), DoubleUnaryOperator.identity()));
                }
                case "pipeline" -> {
                    Clinic clinic = new Clinic(system);
                    List<Clinic.Patient> patients = clinic.seed(options.patients());
                    Flaring flaring = seedFlaring(clinic);
                    settle(system);
                    step("session logging, as the full run does before the pipeline: it warms the services up");
                    Load.Result sessions = saturate("session logging",
                            i -> clinic.session(patients.get(index(i, patients)), false));
                    Pipeline.Figures pipeline = pipeline(system, clinic, patients, flaring, pipelineRate(sessions))
                            .measured();
                    pipeline.stages().forEach((stage, latencies) -> System.out.println("    " + stage + ": p50 "
                            + Report.number(latencies.p50()) + " ms, p99 " + Report.number(latencies.p99()) + " ms"));
                }
                default -> throw new IllegalArgumentException("--only sessions, clocks or pipeline, not " + part);
            }
        }
    }

    /**
     * Session logging at saturation, the CPU each part of the system spent over its measured window, and
     * the statements that took the most of PostgreSQL's execution time in it.
     */
    private record SessionsAtSaturation(Load.Result load, CpuTime.Use cpu, List<StatementTimes.Timed> statements) {
    }

    private SessionsAtSaturation sessionsAtSaturation(BenchSystem system, Clinic clinic, List<Clinic.Patient> patients)
            throws InterruptedException {
        CompletableFuture<CpuTime.Use> cpu = CpuTime.over(system, options.warmUp(), options.measured());
        CompletableFuture<List<StatementTimes.Timed>> statements = StatementTimes.over(system, options.warmUp(),
                options.measured(), StatementTimes.TOP);
        Load.Result load = saturate("session logging", i -> clinic.session(patients.get(index(i, patients)), false));
        CpuTime.Use use = cpu.join();
        printRows(cpuRows(use, perSession(load)));
        List<StatementTimes.Timed> timed = statements.join();
        printRows(statementRows(timed, perSessionLogged(load)));
        return new SessionsAtSaturation(load, use, timed);
    }

    /**
     * Per statement: its service, its text, {@code perUnit} of its calls (per session, or in all), its
     * mean and total execution time, and its share of the time of every statement listed.
     */
    private static List<List<String>> statementRows(List<StatementTimes.Timed> statements, DoubleUnaryOperator perUnit) {
        double listed = statements.stream().mapToDouble(StatementTimes.Timed::totalMs).sum();
        return statements.stream().map(timed -> List.of(timed.service(), "`" + timed.statement() + "`",
                Report.number(perUnit.applyAsDouble(timed.calls())), String.format(Locale.ROOT, "%.3f", timed.meanMs()),
                Report.number(timed.totalMs()), Report.number(100 * timed.totalMs() / listed))).toList();
    }

    /** Per part, and for all of them: {@code cost} of its CPU seconds, and the cores it kept busy over the window. */
    private static List<List<String>> cpuRows(CpuTime.Use use, DoubleUnaryOperator cost) {
        List<List<String>> rows = new ArrayList<>();
        use.seconds().forEach((part, cpu) -> rows.add(List.of(part, Report.number(cost.applyAsDouble(cpu)),
                Report.number(cpu / use.windowSeconds()))));
        rows.add(List.of("all of them", Report.number(cost.applyAsDouble(use.totalSeconds())),
                Report.number(use.totalSeconds() / use.windowSeconds())));
        return rows;
    }

    private static void printRows(List<List<String>> rows) {
        rows.forEach(row -> System.out.println("    " + String.join(" | ", row)));
    }

    /** How many per session logged over the measured window of {@code load}. */
    private DoubleUnaryOperator perSessionLogged(Load.Result load) {
        double sessions = load.perSecond() * options.measured().toSeconds();
        return count -> count / sessions;
    }

    private static List<String> statementHeader(String calls) {
        return List.of("service", "statement", calls, "mean ms", "total ms", "% of listed");
    }

    /** CPU ms per session logged over the measured window of {@code load}. */
    private DoubleUnaryOperator perSession(Load.Result load) {
        return perSessionLogged(load).andThen(seconds -> 1000 * seconds);
    }

    /** The patients whose flares the pipeline's warm-up and its measured run send: each flares once. */
    private record Flaring(List<Clinic.Patient> warmUp, List<Clinic.Patient> measured) {
    }

    private Flaring seedFlaring(Clinic clinic) throws Exception {
        return new Flaring(clinic.seed(options.warmUpFlaringPatients()), clinic.seed(options.flaringPatients()));
    }

    /**
     * The measured pipeline run, after a warm-up run of the same shape with other patients: session
     * logging warmed up the routine path only, so without it the first flares measure the escalation
     * path's JIT compilation and the queue it leaves, not a running clinic.
     */
    private PipelineRuns pipeline(BenchSystem system, Clinic clinic, List<Clinic.Patient> patients,
            Flaring flaring, double rate) throws Exception {
        settle(system);
        step("event pipeline at " + rate + " sessions/s: " + options.pipelineWarmUp().toSeconds() + " s of warm-up");
        Pipeline.Figures warmUp = Pipeline.run(system, clinic, patients, flaring.warmUp(), rate, options.pipelineWarmUp());
        printFlares(warmUp);
        settle(system);
        step("event pipeline at " + rate + " sessions/s: measured");
        Pipeline.Figures measured = Pipeline.run(system, clinic, patients, flaring.measured(), rate, options.measured());
        printFlares(measured);
        return new PipelineRuns(warmUp, measured);
    }

    /** The measured pipeline run, and its warm-up: what the first flares after a start meet. */
    private record PipelineRuns(Pipeline.Figures warmUp, Pipeline.Figures measured) {
    }

    private static void printFlares(Pipeline.Figures pipeline) {
        System.out.println("  " + pipeline.latencies().count() + " of " + pipeline.flaresSent() + " flares read; p50 "
                + Report.number(pipeline.latencies().p50()) + " ms, p99 " + Report.number(pipeline.latencies().p99())
                + " ms");
    }

    /** The pipeline's rate: as asked, but at most half of the session logging saturation, beyond which it measures the queue. */
    private double pipelineRate(Load.Result sessions) {
        return Math.min(options.pipelinePerSecond(), Math.floor(sessions.perSecond() / 2));
    }

    /** Before each measurement: nothing left over from the one before (see {@link Quiet}). */
    private static void settle(BenchSystem system) throws Exception {
        Quiet.await(system, Duration.ofMinutes(5));
    }

    private Load.Result saturate(String what, LongFunction<HttpRequest> requests) throws InterruptedException {
        return printed(Load.closedLoop(what, CONCURRENCY, options.warmUp(), options.measured(), requests));
    }

    private Load.Result half(Load.Result saturated, LongFunction<HttpRequest> requests) throws InterruptedException {
        return printed(Load.openLoop(saturated.what(), Math.max(1, saturated.perSecond() / 2), options.measured(),
                requests));
    }

    private static Load.Result printed(Load.Result result) {
        System.out.println("  " + String.join(" | ", Report.row(result)));
        return result;
    }

    private static int index(long sequence, List<?> list) {
        return (int) (sequence % list.size());
    }

    private Report report(Machine machine, List<List<String>> requests, SessionsAtSaturation saturated,
            double pipelineRate, PipelineRuns pipelineRuns, DatabaseBaseline.Figures pgbench, Latencies broker,
            List<List<String>> services, Replicas.Figures replicas, ClockPass.Figures clocks) {
        Report report = new Report().title("BackTrack performance" + (options.quick() ? " (smoke run)" : ""));
        report.section("How this was measured",
                "Written by `bench/run` (see README). " + machine.summary(),
                "Everything ran on this one machine: PostgreSQL with fsync, synchronous commit and full page writes "
                        + "on; one Kafka broker; the OIDC test server issuing RS256 tokens; the three packaged services "
                        + "(prod profile, JVM); and the load generator. outcome-service consumed all along. "
                        + options.patients() + " seeded patients with active plans share the load; each measured run "
                        + "lasts " + options.measured().toSeconds() + " s after " + options.warmUp().toSeconds()
                        + " s of warm-up (with two cores shared by every process, the JIT compilers of a freshly started "
                        + "service still take a third of its CPU after a minute of load), once every outbox is published "
                        + "and no consumer has applied anything for 3 s (the work the seeding or the previous run left "
                        + "behind is done). Closed loop: " + CONCURRENCY + " clients, each sending when its last answer "
                        + "came (saturation). Open loop: a fixed rate of half that, each request timed from when it "
                        + "was due, so queueing shows.");
        report.section("Requests");
        report.table(List.of("request", "load", "answered/s", "p50 ms", "p99 ms", "errors"), requests);
        Load.Result sessions = saturated.load();
        int cores = Runtime.getRuntime().availableProcessors();
        double perSession = perSession(sessions).applyAsDouble(saturated.cpu().totalSeconds());
        report.section("Where the CPU goes",
                String.format(Locale.ROOT, "The CPU time each process spent over the measured %d s of session "
                        + "logging at saturation above, from /proc, per session logged. With %d cores, %.2f ms of "
                        + "CPU per session caps session logging at %.0f/s on this machine, whatever the concurrency; "
                        + "the machine was %.0f %% busy.", options.measured().toSeconds(), cores, perSession,
                        cores * 1000 / perSession, 100 * saturated.cpu().machineBusyShare()));
        report.table(List.of("process", "CPU ms per session", "cores busy"),
                cpuRows(saturated.cpu(), perSession(sessions)));
        report.section("Where the database's time goes",
                "The " + StatementTimes.TOP + " statements that took the most of PostgreSQL's execution time over the same "
                        + "window, from pg_stat_statements, with the share each had of the time of the statements "
                        + "listed. Execution time, waits for row locks included; parsing, commits and their WAL flushes come on "
                        + "top.");
        report.table(statementHeader("calls per session"), statementRows(saturated.statements(),
                perSessionLogged(sessions)));
        report.section("Event pipeline",
                String.format(Locale.ROOT, "Sessions at %.0f/s for %d s, every tenth one a flare (pain 2 → 8) of a "
                        + "patient with no open escalation; each timed from its POST to the first escalation-recommended "
                        + "about that patient read by a plain consumer of backtrack.outcome.v1. The rate is %.0f/s or "
                        + "half of the session logging saturation above, whichever is lower: beyond saturation the "
                        + "figure would only measure the queue. A run of the same shape, with other patients, warms "
                        + "the pipeline up for %d s first: session logging only warmed up the routine path, so the "
                        + "warm-up's flares meet the escalation path's JIT compilation and the queue it leaves behind, "
                        + "as the first flares after a start do; the measured run is a clinic whose services have "
                        + "been running.",
                        pipelineRate, options.measured().toSeconds(), options.pipelinePerSecond(),
                        options.pipelineWarmUp().toSeconds()));
        Pipeline.Figures pipeline = pipelineRuns.measured();
        Latencies warmUp = pipelineRuns.warmUp().latencies();
        report.table(List.of("figure", "value"), List.of(
                List.of("warm-up run, just started: flares sent / read, p50 / p99 ms",
                        pipelineRuns.warmUp().flaresSent() + " / " + warmUp.count() + ", "
                                + Report.number(warmUp.p50()) + " / " + Report.number(warmUp.p99())),
                List.of("flares sent / recommendations read", pipeline.flaresSent() + " / " + pipeline.latencies().count()),
                List.of("pipeline p50 / p99 ms", Report.number(pipeline.latencies().p50()) + " / "
                        + Report.number(pipeline.latencies().p99())),
                List.of("session POST p50 / p99 ms meanwhile", Report.number(pipeline.sessions().latencies().p50())
                        + " / " + Report.number(pipeline.sessions().latencies().p99())),
                List.of("raw Kafka round trip p50 / p99 ms (same rate, " + SESSION_EVENT_BYTES + "-byte records, acks=all, no linger, as the outbox producer)",
                        Report.number(broker.p50()) + " / " + Report.number(broker.p99())),
                List.of("pipeline p99 ÷ raw round trip p99", Report.number(pipeline.latencies().p99() / broker.p99()))));
        report.section("Where a flare's time goes",
                "From the services' own timestamps (same machine, same clock).");
        report.table(List.of("stage", "p50 ms", "p99 ms"), pipeline.stages().entrySet().stream()
                .map(stage -> List.of(stage.getKey(), Report.number(stage.getValue().p50()),
                        Report.number(stage.getValue().p99()))).toList());
        report.section("Against the database alone",
                "pgbench inserting a session, its outbox row and its audit entry in one transaction, " + CONCURRENCY
                        + " clients, into copies of plan-service's tables in the same database.");
        report.table(List.of("figure", "value"), List.of(
                List.of("pgbench transactions/s", Report.number(pgbench.tps())),
                List.of("pgbench mean latency ms", Report.number(pgbench.meanLatencyMs())),
                List.of("session logging ÷ pgbench", String.format(Locale.ROOT, "%.1f %%",
                        100 * sessions.perSecond() / pgbench.tps())),
                List.of("pgbench transactions/s with a NOTIFY in each (outbox writers before V0.7)",
                        Report.number(pgbench.notifyingTps())),
                List.of("pgbench mean latency ms with a NOTIFY in each", Report.number(pgbench.notifyingMeanLatencyMs()))));
        report.section("Services",
                "Time from process start to the first 200 of its readiness endpoint, asked every 50 ms (the "
                        + "services start one after another, each once the one before is ready, and each migrates "
                        + "its empty database; the first start after a build, on a database of its own before "
                        + "this one, trained the class-data archive this start reads its classes from, as every "
                        + "later start of a deployment would: local-infrastructure's ClassDataSharing); resident memory "
                        + "after all the load above; and, after "
                        + options.aborts() + " session POSTs whose connections were reset in flight, the fewest "
                        + "pooled database connections seen lent out over up to a minute (0 means none leaked); "
                        + "last, at the end of the run, the time from SIGTERM to the process's exit, the services "
                        + "stopped one after another (a process still running after 20 s is killed).");
        report.table(List.of("service", "ready after s", "RSS MiB", "pool lent out after aborts", "stopped after s"),
                services);
        report.section("Replicas",
                "A second plan-service process started on the same database and broker, as ops adds a replica. "
                        + "Session logging at saturation (closed loop, " + CONCURRENCY + " clients) against the first "
                        + "process alone, then against both with requests alternating; then plan-service's audit "
                        + "verification over every chain both appended to. Every process shares the machine's cores.");
        report.table(List.of("request", "load", "answered/s", "p50 ms", "p99 ms", "errors"),
                List.of(Report.row(replicas.one()), Report.row(replicas.two())));
        report.table(List.of("figure", "value"), List.of(
                List.of("two replicas ÷ one", Report.number(replicas.two().perSecond() / replicas.one().perSecond())),
                List.of("plan-service audit chains after both wrote", replicas.auditIntact() ? "intact"
                        : "broken: " + replicas.auditProblem())));
        report.section("Clock pass",
                "plan-service's clock job, in both replicas, over " + clocks.plans() + " seeded active plans whose "
                        + "week-1 check falls due when every process's clock moves one day on; each is a missed week, so "
                        + "each writes one adherence-missed event, whichever replica fires it.",
                String.format(Locale.ROOT, "The second table is the CPU time each process spent during the pass (the "
                        + "machine was %.0f %% busy): the consumers of the events share the cores with the job. The "
                        + "third is the CPU time from the clocks' move until outcome-service had applied every one "
                        + "of the events (each seeded plan's snapshot and patient profile are there, as plan-activated "
                        + "leaves them).", 100 * clocks.cpu().machineBusyShare()));
        report.table(List.of("figure", "value"), List.of(
                List.of("checks fired", clocks.fired() + " of " + clocks.plans()),
                List.of("seconds", Report.number(clocks.elapsed().toMillis() / 1000.0)),
                List.of("seconds from the first batch's fired marks to the last one's",
                        Report.number(clocks.firing().toMillis() / 1000.0)),
                List.of("adherence-missed events written / patients they are about", clocks.events() + " / "
                        + clocks.patientsWithEvents()),
                List.of("events applied by outcome-service", clocks.applied().events() + " of " + clocks.plans()),
                List.of("seconds until outcome-service had applied them",
                        Report.number(clocks.applied().elapsed().toMillis() / 1000.0))));
        report.table(List.of("process", "CPU s", "cores busy"), cpuRows(clocks.cpu(), DoubleUnaryOperator.identity()));
        report.table(List.of("process", "CPU s until applied", "cores busy"),
                cpuRows(clocks.applied().cpu(), DoubleUnaryOperator.identity()));
        report.section("Where the database's time goes in the clock pass",
                "As for session logging above, from the clocks' move until every check had fired.");
        report.table(statementHeader("calls"), statementRows(clocks.statements(), DoubleUnaryOperator.identity()));
        return report;
    }

    private static void step(String what) {
        System.out.println("… " + what);
    }
}
