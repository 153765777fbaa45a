package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.patient.PatientRegistered;
import io.backtrack.contracts.patient.RedFlagRaised;
import io.backtrack.infra.AbortedRequest;
import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Client aborts, hostile input, poison records, a broker outage, a database outage and a SIGKILL,
 * each against a system of its own that this suite may break, with every figure counted and
 * written to {@code docs/reliability.md}. The soak profile runs longer and sends more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySystemTest {

    private static final String CLINIC = "clinic-reliability";
    private static final String PLAN_SERVICE = "plan-service";
    private static final int ABORTS_PER_ENDPOINT = Integer.getInteger("backtrack.reliability.aborts", 200);
    private static final int HOSTILE_REQUESTS = Integer.getInteger("backtrack.reliability.hostile-requests", 10_200);
    private static final long SEED = Long.getLong("backtrack.reliability.seed", 20261126L);
    /** How many writes a fault must see before it ends: enough to prove behaviour under it, however fast it goes. */
    private static final int WRITES_UNDER_FAULT = Integer.getInteger("backtrack.reliability.writes-under-fault", 200);
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final ReliabilityReport REPORT = new ReliabilityReport();
    private static final AtomicLong SESSIONS_BUILT = new AtomicLong();
    private static final Map<String, TcpLink> DATABASE_LINKS = new ConcurrentHashMap<>();
    private static Path brokerLog;
    private static KafkaBrokerProcess broker;
    private static BackTrackSystem system;
    /** The patient and plan the load scenarios log sessions for. */
    private static PatientWithPlan loaded;
    private static String patientId;
    private static String planId;
    /** The patient whose ids the hostile input uses, so that what it changes disturbs no scenario. */
    private static PatientWithPlan fuzzed;

    private final String clinician = TestTokens.clinician(CLINIC);

    @BeforeAll
    static void start() throws Exception {
        brokerLog = Files.createTempDirectory("backtrack-reliability-kafka");
        broker = KafkaBrokerProcess.start(brokerLog, 0);
        PostgresEndpoint postgres = RealInfrastructure.postgres();
        system = BackTrackSystem.isolated("reliability_", broker.bootstrapServers(), spec -> {
            TcpLink link = open(postgres);
            DATABASE_LINKS.put(spec.name(), link);
            return new PostgresEndpoint("127.0.0.1", link.port(), postgres.user(), postgres.password());
        });
        loaded = PatientWithPlan.create();
        patientId = loaded.patientId();
        planId = loaded.planId();
        fuzzed = PatientWithPlan.create();
    }

    /** A patient with an applied intake and an active plan, whose progress outcome-service shows. */
    private record PatientWithPlan(String patientId, String intakeId, String planId) {

        static PatientWithPlan create() {
            String token = TestTokens.clinician(CLINIC);
            String patient = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"givenName\":\"Rel\",\"familyName\":\"Iable\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}")
                    .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
            String intake = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(ClinicRequests.intake(system.today().minusDays(20), "M54.50", false))
                    .post(system.patients + "/patients/" + patient + "/intakes").then().statusCode(201).extract().path("id");
            system.awaitIntakeApplied(token, patient, intake);
            String plan = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(ClinicRequests.plan(intake, system.today().minusDays(1), false))
                    .post(system.plans + "/patients/" + patient + "/plans").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                    .get(system.outcomes + "/patients/" + patient + "/progress").statusCode() == 200);
            return new PatientWithPlan(patient, intake, plan);
        }
    }

    private static TcpLink open(PostgresEndpoint postgres) {
        try {
            return new TcpLink(postgres.host(), postgres.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Path root = Path.of(System.getProperty("backtrack.root", "..")).toAbsolutePath();
        REPORT.write(root.resolve("docs/reliability.md"), "seed " + SEED + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, every part on one machine");
        if (system != null) {
            system.close();
        }
        for (TcpLink link : DATABASE_LINKS.values()) {
            link.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void clientAbortsLeaveNoConnectionBehind() throws Exception {
        String register = "{\"givenName\":\"Hang\",\"familyName\":\"Up\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}";
        String measure = "{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + system.today() + "\",\"painNrs\":5}";
        String session = sessionBody();
        List<Runnable> aborts = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < ABORTS_PER_ENDPOINT; i++) {
            int afterMicros = random.nextInt(20_000);
            aborts.add(() -> abort(system.patients + "/patients", register, afterMicros));
            aborts.add(() -> abort(system.outcomes + "/patients/" + patientId + "/measures", measure, afterMicros));
            aborts.add(() -> abort(system.plans + "/plans/" + planId + "/sessions", session, afterMicros));
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<?>> sent = new ArrayList<>();
        for (Runnable abort : aborts) {
            sent.add(clients.submit(abort));
        }
        for (Future<?> future : sent) {
            future.get(2, TimeUnit.MINUTES);
        }
        clients.shutdownNow();

        double leaked = 0;
        for (String service : List.of("patient-service", PLAN_SERVICE, "outcome-service")) {
            String base = system.managementUrl(service);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get(base + "/q/health/ready").statusCode() == 200);
            leaked += fewestLentOut(base);
        }
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(register)
                .post(system.patients + "/patients").then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(measure)
                .post(system.outcomes + "/patients/" + patientId + "/measures").then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(session)
                .post(system.plans + "/plans/" + planId + "/sessions").then().statusCode(201);

        var figures = REPORT.section("Client aborts",
                "Whole authenticated POSTs (registration, measure, session) whose connection is reset 0-20 ms after "
                        + "sending, 32 at a time; then each service's pool is read from `sql_pool_active`.");
        figures.add("requests aborted in flight", aborts.size());
        figures.add("pooled connections still lent out afterwards (all services)", (long) leaked);
        figures.add("every service ready and writing afterwards", "yes");
        assertThat(leaked).isZero();
    }

    @Test
    @Order(2)
    void hostileInputNeverGetsA5xxOrAnUnshapedError() {
        List<String> tokens = List.of(clinician, TestTokens.patient("reliability-patient"), TestTokens.admin(),
                TestTokens.clinician("clinic-elsewhere"));
        Map<String, String> known = Map.of("patientId", fuzzed.patientId(), "planId", fuzzed.planId(),
                "intakeId", fuzzed.intakeId(), "exerciseCode", "SC-01");
        int perService = HOSTILE_REQUESTS / 3;
        var figures = REPORT.section("Generated hostile input",
                "Requests generated from each service's OpenAPI document (seeded): wrong types, NUL characters, "
                        + "implausible dates, huge numbers and lists, malformed JSON, bad path and query values, "
                        + "missing, foreign and forged tokens.");
        int requests = 0;
        int serverErrors = 0;
        int unshaped = 0;
        int leaking = 0;
        List<String> examples = new ArrayList<>();
        for (String service : List.of("patient-service", PLAN_SERVICE, "outcome-service")) {
            HostileInput.Result result = HostileInput.run(system.baseUrl(service), system.managementUrl(service), tokens,
                    known, perService,
                    SEED + service.hashCode());
            requests += result.requests();
            serverErrors += result.serverErrors();
            unshaped += result.errorsNotProblemJson();
            leaking += result.leakingBodies();
            examples.addAll(result.examples());
        }
        figures.add("requests", requests);
        figures.add("answered 5xx or not at all", serverErrors);
        figures.add("error bodies that are not problem+json", unshaped);
        figures.add("bodies echoing SQL, class names or stack traces", leaking);
        assertThat(examples).as("offending answers").isEmpty();
        assertThat(serverErrors + unshaped + leaking).isZero();
    }

    @Test
    @Order(3)
    void poisonRecordsGoToTheDeadLetterTopicsAndConsumersGoOn() throws Exception {
        // sorted, so docs/reliability.md lists the topics in the same order on every run
        Map<String, List<String>> consumers = new TreeMap<>(Map.of(
                Topic.PATIENT.topicName(), List.of(PLAN_SERVICE, "outcome-service"),
                Topic.PLAN.topicName(), List.of("outcome-service", "patient-service"),
                Topic.OUTCOME.topicName(), List.of(PLAN_SERVICE)));
        Map<String, Set<String>> poisonKeys = new TreeMap<>();
        for (Topic topic : Topic.values()) {
            poisonKeys.put(topic.topicName(), publishPoison(topic));
        }
        // a real event on every topic afterwards: each consumer must reach it, past the poison
        String another = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"After\",\"familyName\":\"Poison\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}")
                .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(sessionBody())
                .post(system.plans + "/plans/" + planId + "/sessions").then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + system.today() + "\",\"painNrs\":4}")
                .post(system.outcomes + "/patients/" + patientId + "/measures").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(clinician)
                .get(system.outcomes + "/patients/" + another + "/progress").statusCode() == 200);

        var figures = REPORT.section("Poison records",
                "Six kinds of bad record on every consumed topic (not JSON, empty, a payload that breaks the schema, "
                        + "no CloudEvents headers, an unknown type, a source that does not own the topic), those with "
                        + "a known type of one that every consumer of the topic reads, then a real event on each "
                        + "topic.");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (var entry : consumers.entrySet()) {
                String topic = entry.getKey();
                Set<String> keys = poisonKeys.get(topic);
                int expected = keys.size() * entry.getValue().size();
                List<ConsumerRecord<String, String>> dead = new ArrayList<>();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    dead.clear();
                    TopicProbe.readToEnd(broker.bootstrapServers(), topic + ".dlq").stream()
                            .filter(r -> keys.contains(r.key())).forEach(dead::add);
                    return dead.size() >= expected;
                });
                long withReason = dead.stream().filter(r -> TopicProbe.header(r, "dead-letter-reason") != null).count();
                for (String group : entry.getValue()) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> lag(admin, group, topic) == 0);
                }
                figures.add(topic + ": poison records published", keys.size());
                figures.add(topic + ": dead letters (one per consuming service: " + String.join(", ", entry.getValue()) + ")",
                        dead.size() + " of " + expected + ", " + withReason + " with a reason");
                figures.add(topic + ": consumer lag after the real event", 0);
                assertThat(dead).hasSize(expected);
                assertThat(withReason).isEqualTo(expected);
            }
        }
    }

    @Test
    @Order(4)
    void aBrokerOutageUnderLoadLosesNothing() throws Exception {
        Set<String> before = plannedSessions();
        long slowestHealth;
        int acknowledgedDuringOutage;
        boolean reportedDegraded;
        SessionLoad load = new SessionLoad(system.plans + "/plans/" + planId + "/sessions", clinician, sessionBodies(), 4);
        try (load) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged.size() >= 50);
            broker.kill();
            int atKill = load.acknowledged.size();
            HealthWatch health = HealthWatch.until(system.managementUrl(PLAN_SERVICE),
                    ready -> ready.statusCode() == 200 && ready.asString().contains("unreachable"),
                    () -> load.acknowledged.size() >= atKill + WRITES_UNDER_FAULT);
            acknowledgedDuringOutage = load.acknowledged.size() - atKill;
            slowestHealth = health.slowestMillis;
            reportedDegraded = health.sawFault;
            int port = broker.port();
            broker = KafkaBrokerProcess.start(brokerLog, port);
            assertThat(broker.port()).as("the broker is back where the services look for it").isEqualTo(port);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= atKill + acknowledgedDuringOutage + 50);
        }
        Set<String> acknowledged = new HashSet<>(load.acknowledged);
        Delivery delivery = Delivery.of(acknowledged);

        var figures = REPORT.section("Broker outage under load",
                "Four clients log sessions without pause; the broker is killed (SIGKILL) and started again on its "
                        + "log once readiness reports it unreachable and " + WRITES_UNDER_FAULT + " more sessions were "
                        + "acknowledged; plan-service's readiness is read every 200 ms meanwhile.");
        figures.add("writes acknowledged (201)", acknowledged.size());
        figures.add("of which while the broker was down", acknowledgedDuringOutage);
        figures.add("answers by status", new TreeMap<>(load.outcomes));
        figures.add("readiness: slowest answer during the outage (ms)", slowestHealth);
        figures.add("readiness: UP with `event-broker` unreachable during the outage", reportedDegraded ? "yes" : "no");
        delivery.report(figures);
        figures.add("sessions stored that no client saw acknowledged", difference(plannedSessions(), before, acknowledged));
        assertThat(slowestHealth).isLessThan(1_000);
        assertThat(reportedDegraded).isTrue();
        assertThat(acknowledgedDuringOutage).isPositive();
        delivery.assertComplete();
    }

    @Test
    @Order(5)
    void aDatabaseOutageAnswers503AndHealsWithoutARestart() throws Exception {
        TcpLink link = DATABASE_LINKS.get(PLAN_SERVICE);
        Set<String> before = plannedSessions();
        SessionLoad load = new SessionLoad(system.plans + "/plans/" + planId + "/sessions", clinician, sessionBodies(), 2);
        Map<String, Integer> duringOutage;
        long slowestDuringOutage;
        long slowestHealth;
        long recoveryMillis;
        try (load) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged.size() >= 20);
            link.cut();
            int atRestore;
            long restored;
            try {
                Map<String, Integer> atCut = new TreeMap<>(load.outcomes);
                load.slowestMillis.set(0);
                HealthWatch health = HealthWatch.until(system.managementUrl(PLAN_SERVICE), ready -> ready.statusCode() == 503,
                        () -> load.requests() - atCut.values().stream().mapToInt(Integer::intValue).sum() >= WRITES_UNDER_FAULT);
                slowestHealth = health.slowestMillis;
                duringOutage = minus(load.outcomes, atCut);
                slowestDuringOutage = load.slowestMillis.get();
                atRestore = load.acknowledged.size();
                restored = System.nanoTime();
            } finally {
                link.restore();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() > atRestore);
            recoveryMillis = (System.nanoTime() - restored) / 1_000_000;
        }
        Set<String> acknowledged = new HashSet<>(load.acknowledged);
        long withoutEvent = sessionsWithoutTheirEvent();
        Delivery delivery = Delivery.of(acknowledged);

        var figures = REPORT.section("Database outage under one service",
                "plan-service's connections to PostgreSQL are reset and refused (a database restart, as the "
                        + "service sees it) while two clients log sessions, until readiness reports the database down "
                        + "and " + WRITES_UNDER_FAULT + " requests were answered; the service is not restarted.");
        figures.add("answers during the outage, by status (a 201: a request already past the database when it went)",
                new TreeMap<>(duringOutage));
        figures.add("slowest answer during the outage (ms)", slowestDuringOutage);
        figures.add("readiness: slowest answer during the outage (ms)", slowestHealth);
        figures.add("from the database's return to the next 201 (ms)", recoveryMillis);
        figures.add("writes acknowledged (201)", acknowledged.size());
        figures.add("sessions stored without their event (half-written)", withoutEvent);
        figures.add("sessions stored that no client saw acknowledged", difference(plannedSessions(), before, acknowledged));
        delivery.report(figures);
        assertThat(duringOutage.keySet()).as("every answer during the outage is a 503 problem, but for requests "
                + "that were past the database when it went").contains("503").isSubsetOf("503", "201");
        assertThat(duringOutage.getOrDefault("201", 0)).as("requests in flight when the database went").isLessThanOrEqualTo(2);
        assertThat(slowestDuringOutage).isLessThan(10_000);
        assertThat(slowestHealth).isLessThan(1_000);
        assertThat(withoutEvent).isZero();
        delivery.assertComplete();
    }

    @Test
    @Order(6)
    void aServiceKilledMidLoadLosesNothing() throws Exception {
        Set<String> before = plannedSessions();
        SessionLoad load = new SessionLoad(system.plans + "/plans/" + planId + "/sessions", clinician, sessionBodies(), 4);
        try (load) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged.size() >= 50);
            system.kill(PLAN_SERVICE);
            system.restart(PLAN_SERVICE);
            int atRestart = load.acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= atRestart + 50);
        }
        Set<String> acknowledged = new HashSet<>(load.acknowledged);
        Set<String> stored = plannedSessions();
        long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
        Set<String> inDoubt = new HashSet<>(stored);
        inDoubt.removeAll(before);
        inDoubt.removeAll(acknowledged);
        long withoutEvent = sessionsWithoutTheirEvent();
        Set<String> everyNewSession = new HashSet<>(acknowledged);
        everyNewSession.addAll(inDoubt);
        Delivery delivery = Delivery.of(everyNewSession);

        var figures = REPORT.section("SIGKILL of a service mid-load",
                "Four clients log sessions; plan-service is killed with SIGKILL and started again while they go on.");
        figures.add("answers by status", new TreeMap<>(load.outcomes));
        figures.add("writes acknowledged (201)", acknowledged.size());
        figures.add("acknowledged writes missing from the database (lost)", lost);
        figures.add("sessions stored whose answer the kill cut off (in doubt, counted below as writes)", inDoubt.size());
        figures.add("sessions stored without their event (half-written)", withoutEvent);
        delivery.report(figures);
        assertThat(lost).isZero();
        assertThat(withoutEvent).isZero();
        delivery.assertComplete();
    }

    @Test
    @Order(7)
    void trustBoundariesHold() {
        Map<String, String> victim = Map.of("patientId", loaded.patientId(), "planId", loaded.planId(),
                "intakeId", loaded.intakeId());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("a clinician of another clinic", TestTokens.clinician("clinic-elsewhere"));
        callers.put("a patient who is not this one", TestTokens.patient("reliability-someone-else"));
        callers.put("a token for another application of the realm", TestTokens.forAudience("another-app",
                "clinician-" + CLINIC, Set.of("clinician"), Map.of("clinic_id", CLINIC)));
        callers.put("no token", null);
        var figures = REPORT.section("Security: who reaches a patient's records",
                "Every operation of the three OpenAPI documents that names a record, called on one clinic-reliability "
                        + "patient's records (their patient, plan and intake ids; other ids random) by callers who must "
                        + "not reach them. A 2xx is a leak.");
        List<String> leaks = new ArrayList<>();
        Map<String, int[]> byCaller = new LinkedHashMap<>();
        for (String service : List.of("patient-service", PLAN_SERVICE, "outcome-service")) {
            for (AccessMatrix.Row row : AccessMatrix.run(system.baseUrl(service), system.managementUrl(service), victim,
                    callers)) {
                int[] counts = byCaller.computeIfAbsent(row.caller(), caller -> new int[3]);
                counts[0] += row.cells();
                counts[1] += row.refused();
                counts[2] += row.leaks().size();
                leaks.addAll(row.leaks());
            }
        }
        byCaller.forEach((caller, counts) -> figures.add(caller + ": cells, refused, leaks",
                counts[0] + ", " + counts[1] + ", " + counts[2]));
        List<String> servedOnTheApiPort = new ArrayList<>();
        for (String service : List.of("patient-service", PLAN_SERVICE, "outcome-service")) {
            for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/health")) {
                if (given().get(system.baseUrl(service) + path).statusCode() != 404) {
                    servedOnTheApiPort.add(service + path);
                }
                given().get(system.managementUrl(service) + path).then().statusCode(200);
            }
        }
        figures.add("metrics, OpenAPI, Swagger UI and health answered on an API port (they belong on the management port)",
                servedOnTheApiPort.size());
        assertThat(leaks).isEmpty();
        assertThat(servedOnTheApiPort).isEmpty();
    }

    @Test
    @Order(8)
    void forgedEventsAreRefused() throws Exception {
        String subject = "reliability-login-" + UUID.randomUUID();
        String linked = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Linked\",\"familyName\":\"Login\",\"birthDate\":\"1970-01-01\","
                        + "\"sex\":\"OTHER\",\"loginSubject\":\"" + subject + "\"}")
                .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(clinician)
                .get(system.outcomes + "/patients/" + linked + "/progress").statusCode() == 200);
        UUID nobody = UUID.randomUUID();
        Map<String, Record> forged = new LinkedHashMap<>();
        forged.put("a red flag for a patient nobody registered", redFlag(nobody, CLINIC));
        forged.put("a red flag for a patient of another clinic", redFlag(UUID.fromString(patientId), "clinic-elsewhere"));
        forged.put("a registration moving a patient to another clinic",
                new PatientRegistered(UUID.fromString(patientId), "clinic-elsewhere", null, Instant.now()));
        forged.put("a registration taking over another patient's login",
                new PatientRegistered(UUID.randomUUID(), CLINIC, subject, Instant.now()));
        Map<String, String> eventIds = new LinkedHashMap<>();
        for (var event : forged.entrySet()) {
            EventType type = EventType.of(event.getValue().getClass());
            String id = UUID.randomUUID().toString();
            eventIds.put(event.getKey(), id);
            TopicProbe.publish(broker.bootstrapServers(), Topic.PATIENT.topicName(), keyOf(event.getValue()),
                    Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", Topic.PATIENT.ownerSource(),
                            "ce_type", type.ceType(), "ce_time", Instant.now().toString(),
                            "content-type", "application/json"),
                    EventJson.mapper().writeValueAsString(event.getValue()));
        }
        var figures = REPORT.section("Security: forged events",
                "Events that pass the schema and carry the owner's source, but disagree with what the consumers "
                        + "know, published on backtrack.patient.v1 (consumed by plan-service and outcome-service).");
        for (var kind : eventIds.entrySet()) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                dead.clear();
                TopicProbe.readToEnd(broker.bootstrapServers(), Topic.PATIENT.deadLetterTopicName()).stream()
                        .filter(r -> kind.getValue().equals(TopicProbe.header(r, "ce_id"))).forEach(dead::add);
                return dead.size() >= 2;
            });
            figures.add(kind.getKey() + ": refused, of 2 consumers", dead.size());
            assertThat(dead).hasSize(2);
        }
        given().auth().oauth2(TestTokens.clinician("clinic-elsewhere")).get(system.plans + "/plans/" + planId)
                .then().statusCode(404);
        given().auth().oauth2(clinician).get(system.outcomes + "/escalations?patientId=" + nobody)
                .then().statusCode(404);
        assertThat(Databases.count(system.database("outcome-service"),
                "SELECT count(*) FROM escalation WHERE patient_id = ?::uuid", nobody)).isZero();
        given().auth().oauth2(TestTokens.patient(subject)).get(system.outcomes + "/patients/" + linked + "/progress")
                .then().statusCode(200);
        figures.add("state changed by any of them", "none (checked: the plan stays in its clinic, no escalation "
                + "for the unknown patient, the login still reaches its own patient)");
    }

    @Test
    @Order(9)
    void everyKindOfAuditTamperingIsFound() {
        String database = system.database("patient-service");
        String chain = "patient:" + patientId;
        given().auth().oauth2(clinician).get(system.patients + "/patients/" + patientId).then().statusCode(200);
        List<String> ids = Databases.column(database,
                "SELECT id::text FROM audit_entry WHERE chain_key = ? ORDER BY chain_seq", chain);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(60)).until(() -> Databases.count(database,
                "SELECT count(*) FROM audit_anchor WHERE chain_key = ? AND chain_seq >= ?", chain, (long) ids.size()) == 1);
        assertAuditIntact();
        Databases.execute(database, "SET session_replication_role = replica");
        Databases.execute(database, "DROP TABLE IF EXISTS audit_original");
        Databases.execute(database, "CREATE TEMP TABLE audit_original AS SELECT * FROM audit_entry WHERE chain_key = '"
                + chain + "'");
        String middle = ids.get(1);
        String newest = ids.get(ids.size() - 1);
        Map<String, String> tampering = new LinkedHashMap<>();
        tampering.put("an entry edited", "UPDATE audit_entry SET actor = 'someone-else' WHERE id = " + middle);
        tampering.put("an entry edited and hashed again without the key", "UPDATE audit_entry SET actor = 'x', "
                + "entry_hash = encode(sha256(convert_to('x' || previous_hash, 'UTF8')), 'hex') WHERE id = " + middle);
        tampering.put("NULL turned into an empty text", "UPDATE audit_entry SET detail = '' WHERE id = " + middle
                + " AND detail IS NULL");
        tampering.put("an entry deleted from the middle", "DELETE FROM audit_entry WHERE id = " + middle);
        tampering.put("an entry inserted", "INSERT INTO audit_entry (id, occurred_at, actor, actor_role, action, "
                + "resource_type, previous_hash, entry_hash, scheme, chain_key, chain_seq) SELECT "
                + "nextval('audit_entry_seq'), now(), 'intruder', 'clinician', 'READ', 'patient', entry_hash, "
                + "repeat('a', 64), 2, chain_key, chain_seq + 1 FROM audit_entry WHERE id = " + newest);
        tampering.put("the newest entry deleted after anchoring (truncation)", "DELETE FROM audit_entry WHERE id = " + newest);
        var figures = REPORT.section("Security: audit tampering",
                "Changes made directly in patient-service's database with triggers off, each undone before the "
                        + "next; `GET /api/v1/admin/audit/verification` after each.");
        for (var change : tampering.entrySet()) {
            Databases.execute(database, change.getValue());
            ChainVerification verdict = auditVerdict();
            figures.add(change.getKey(), verdict.intact() ? "NOT DETECTED" : "detected: " + verdict.problem());
            Databases.execute(database, "DELETE FROM audit_entry WHERE actor = 'intruder' OR id IN (SELECT id FROM audit_original)");
            Databases.execute(database, "INSERT INTO audit_entry SELECT * FROM audit_original");
            assertThat(verdict.intact()).as(change.getKey()).isFalse();
            assertAuditIntact();
        }
        Databases.execute(database, "SET session_replication_role = origin");
    }

    private record ChainVerification(boolean intact, String problem) {
    }

    private static ChainVerification auditVerdict() {
        Response verification = given().auth().oauth2(TestTokens.admin()).get(system.patients + "/admin/audit/verification");
        assertThat(verification.statusCode()).isEqualTo(200);
        return new ChainVerification(verification.jsonPath().getBoolean("intact"), verification.jsonPath().getString("problem"));
    }

    private static void assertAuditIntact() {
        ChainVerification verdict = auditVerdict();
        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
    }

    private static RedFlagRaised redFlag(UUID patient, String clinic) {
        return new RedFlagRaised(patient, clinic, UUID.randomUUID(), UUID.randomUUID(), RedFlagCode.values()[0],
                Urgency.values()[0], SuspectedCondition.values()[0], Instant.now(), null);
    }

    private static String keyOf(Record event) {
        return event instanceof RedFlagRaised flag ? flag.patientId().toString()
                : ((PatientRegistered) event).patientId().toString();
    }

    /** What became of a set of sessions downstream: on the topic, and applied by outcome-service. */
    private record Delivery(Set<String> sessions, long onTopic, long duplicatesOnTopic, long applied, long appliedTwice) {

        /**
         * Applied means outcome-service's audit trail holds its "applied <type> <event id>" entry, written
         * in the transaction that applied the event: one entry per event, however often it arrived.
         */
        static Delivery of(Set<String> sessions) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> appliedOf(eventIdsOf(published(sessions))).applied() == sessions.size());
            List<Map.Entry<String, String>> published = published(sessions);
            long distinct = published.stream().map(Map.Entry::getKey).distinct().count();
            Applied applied = appliedOf(eventIdsOf(published));
            return new Delivery(sessions, distinct, published.size() - distinct, applied.applied(),
                    applied.entries() - applied.applied());
        }

        /** Every session-completed of these sessions on the plan topic, as (session id, CloudEvents id). */
        private static List<Map.Entry<String, String>> published(Set<String> sessions) {
            List<Map.Entry<String, String>> published = new ArrayList<>();
            for (ConsumerRecord<String, String> record : TopicProbe.readToEnd(broker.bootstrapServers(), Topic.PLAN.topicName())) {
                if (EventType.SESSION_COMPLETED.ceType().equals(TopicProbe.header(record, "ce_type"))) {
                    Matcher id = SESSION_ID.matcher(record.value());
                    if (id.find() && sessions.contains(id.group(1))) {
                        published.add(Map.entry(id.group(1), TopicProbe.header(record, "ce_id")));
                    }
                }
            }
            return published;
        }

        private static String[] eventIdsOf(List<Map.Entry<String, String>> published) {
            return published.stream().map(Map.Entry::getValue).distinct()
                    .map(ceId -> "applied " + EventType.SESSION_COMPLETED.ceType() + " " + ceId).toArray(String[]::new);
        }

        private record Applied(long applied, long entries) {
        }

        private static Applied appliedOf(String[] appliedDetails) {
            String database = system.database("outcome-service");
            return new Applied(
                    Databases.count(database, "SELECT count(DISTINCT detail) FROM audit_entry WHERE detail = ANY(?)",
                            (Object) appliedDetails),
                    Databases.count(database, "SELECT count(*) FROM audit_entry WHERE detail = ANY(?)",
                            (Object) appliedDetails));
        }

        void report(ReliabilityReport.Figures figures) {
            figures.add("events on the topic (distinct)", onTopic);
            figures.add("events sent twice on the topic (consumers skip them)", duplicatesOnTopic);
            figures.add("applied by outcome-service", applied);
            figures.add("lost (written, never applied downstream)", sessions.size() - applied);
            figures.add("duplicate effects (applied more than once)", appliedTwice);
        }

        void assertComplete() {
            assertThat(onTopic).isEqualTo(sessions.size());
            assertThat(applied).isEqualTo(sessions.size());
            assertThat(appliedTwice).isZero();
        }
    }

    /** Reads a service's readiness every 200 ms, timing each answer, until the fault shows and enough happened under it. */
    private static final class HealthWatch {
        private final String base;
        private long slowestMillis;
        private boolean sawFault;

        private HealthWatch(String base) {
            this.base = base;
        }

        /**
         * Watches until readiness reported the fault (a 200 naming the broker unreachable, or a 503 for
         * a database down) and {@code enough} holds too.
         */
        static HealthWatch until(String base, Predicate<Response> showsFault, BooleanSupplier enough) {
            HealthWatch watch = new HealthWatch(base);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> watch.read(showsFault) && enough.getAsBoolean());
            return watch;
        }

        private boolean read(Predicate<Response> showsFault) {
            long started = System.nanoTime();
            Response ready = given().get(base + "/q/health/ready");
            slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
            sawFault |= showsFault.test(ready);
            return sawFault;
        }
    }

    private Set<String> publishPoison(Topic topic) {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("ce_specversion", "1.0");
        valid.put("ce_source", topic.ownerSource());
        valid.put("ce_type", readByEveryConsumer(topic).ceType());
        valid.put("ce_time", "2026-01-01T00:00:00Z");
        valid.put("content-type", "application/json");
        Set<String> keys = new HashSet<>();
        List<Map.Entry<Map<String, String>, String>> poisons = List.of(
                Map.entry(valid, "this is not JSON {"),
                Map.entry(valid, ""),
                Map.entry(valid, "{\"patientId\":42,\"unexpected\":true}"),
                Map.entry(Map.of(), "{\"patientId\":\"" + UUID.randomUUID() + "\"}"),
                Map.entry(with(valid, "ce_type", "backtrack." + topic.name().toLowerCase() + ".no-such-event.v1"), "{}"),
                Map.entry(with(valid, "ce_source", "/somebody-else"), "{}"));
        for (var poison : poisons) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            Map<String, String> headers = poison.getKey().isEmpty() ? Map.of() : with(poison.getKey(), "ce_id", UUID.randomUUID().toString());
            headers = headers.isEmpty() ? headers : with(headers, "ce_subject", key);
            TopicProbe.publish(broker.bootstrapServers(), topic.topicName(), key, headers, poison.getValue());
        }
        return keys;
    }

    /**
     * A type of the topic that each of its consumers reads the payload of: a consumer acknowledges an
     * event of a type it does not act on without reading it, so a poisoned payload of that type is
     * not its to dead-letter.
     */
    private static EventType readByEveryConsumer(Topic topic) {
        return switch (topic) {
            case PLAN -> EventType.SESSION_COMPLETED;
            case OUTCOME -> EventType.REVIEW_COMPLETED;
            case PATIENT -> EventType.PATIENT_REGISTERED;
        };
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private String sessionBody() {
        return sessionBodies().get();
    }

    /**
     * Sessions of their own, for a load that goes on while a service is down: each performed a
     * microsecond before the one before it, from a minute before the second the load began in (the
     * loads of one run build fewer than a million, so no two are the same), since a session at an
     * instant already logged is refused as sent again.
     */
    private Supplier<String> sessionBodies() {
        Instant began = system.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return () -> "{\"performedAt\":\"" + began.minus(SESSIONS_BUILT.incrementAndGet(), ChronoUnit.MICROS)
                + "\",\"exercisesDone\":[\"SC-01\"],\"painBefore\":4,\"painAfter\":4}";
    }

    /** Sessions of the load plan stored without the outbox row of their event: a half-written write. */
    private static long sessionsWithoutTheirEvent() {
        return Databases.count(system.database(PLAN_SERVICE), """
                SELECT count(*) FROM session s
                 WHERE s.plan_id = ?::uuid
                   AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.payload LIKE '%' || s.id::text || '%')""", planId);
    }

    private static Set<String> plannedSessions() {
        return new HashSet<>(Databases.column(system.database(PLAN_SERVICE),
                "SELECT id::text FROM session WHERE plan_id = ?::uuid", planId));
    }

    private static long difference(Set<String> after, Set<String> before, Set<String> acknowledged) {
        return after.stream().filter(id -> !before.contains(id) && !acknowledged.contains(id)).count();
    }

    private static Map<String, Integer> minus(Map<String, Integer> now, Map<String, Integer> then) {
        Map<String, Integer> delta = new TreeMap<>();
        now.forEach((key, count) -> {
            int added = count - then.getOrDefault(key, 0);
            if (added > 0) {
                delta.put(key, added);
            }
        });
        return delta;
    }

    /** Sends a whole authenticated POST, then resets the connection before the answer can come. */
    private void abort(String url, String body, int afterMicros) {
        AbortedRequest.post(URI.create(url), clinician, body, afterMicros);
    }

    /**
     * The fewest connections the pool had lent out over up to a minute, 0 as soon as it is seen: the
     * service's own jobs borrow one now and then, a leaked connection never comes back.
     */
    private static double fewestLentOut(String base) {
        double[] fewest = {Double.MAX_VALUE};
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> (fewest[0] = Math.min(fewest[0], poolInUse(base))) == 0);
        } catch (ConditionTimeoutException stillLent) {
            return fewest[0];
        }
        return 0;
    }

    /** Connections of the service's database pool currently lent out, from its Prometheus metrics. */
    private static double poolInUse(String base) {
        String metrics = given().get(base + "/q/metrics").then().statusCode(200).extract().asString();
        List<String> inUse = metrics.lines()
                .filter(line -> line.startsWith("sql_pool_active{") && line.contains("pool_type=\"sql\""))
                .toList();
        assertThat(inUse).as("sql_pool_active of " + base).isNotEmpty();
        return inUse.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
