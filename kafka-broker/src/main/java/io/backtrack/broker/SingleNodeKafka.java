package io.backtrack.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker for tests and the local run, in its own JVM. It prints
 * {@value #READY} once a client can reach it, and stops when its standard input closes, so it
 * never outlives the process that started it. With {@code --scram-port}, {@code --scram-user} and
 * {@code --scram-password} it also listens for SASL/SCRAM-SHA-512 clients, as a cluster does.
 */
public final class SingleNodeKafka {

    public static final String READY = "BACKTRACK-BROKER-READY";

    private SingleNodeKafka() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int port = Integer.parseInt(options.get("--port"));
        int controllerPort = Integer.parseInt(options.get("--controller-port"));
        Path logDir = Path.of(options.get("--log-dir")).toAbsolutePath();
        int partitions = Integer.parseInt(options.getOrDefault("--partitions", "3"));

        Scram scram = options.containsKey("--scram-port")
                ? new Scram(Integer.parseInt(options.get("--scram-port")), options.get("--scram-user"), options.get("--scram-password"))
                : null;
        try {
            Properties props = brokerProperties(port, controllerPort, logDir, partitions);
            if (scram != null) {
                scram.configure(props, port, controllerPort);
            }
            formatOnce(props, logDir, scram);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "broker-shutdown"));
            server.startup();
            awaitReachable("127.0.0.1:" + port);
            System.out.println(READY + " " + port);
            System.out.flush();
            // The parent holds our stdin open for as long as it wants us to run.
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (Throwable e) {
            e.printStackTrace();
            // Kafka's non-daemon threads would keep a half-started broker alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDir, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.resolve("data").toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /** A SASL_PLAINTEXT listener that knows one SCRAM-SHA-512 user. */
    private record Scram(int port, String user, String password) {

        void configure(Properties p, int plainPort, int controllerPort) {
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",SASL://127.0.0.1:" + port
                    + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",SASL://127.0.0.1:" + port);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.put("listener.name.sasl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }

        String credential() {
            return "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]";
        }
    }

    /** Formats the storage on first start only, so a broker restarted on the same directory keeps its data. */
    private static void formatOnce(Properties props, Path logDir, Scram scram) throws IOException {
        if (Files.exists(logDir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        Path config = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "BackTrack single-node broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> format = new ArrayList<>(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"));
        if (scram != null) {
            format.addAll(List.of("--add-scram", scram.credential()));
        }
        int code = StorageTool.execute(format.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** The broker logs READY a little before clients can use it: wait for a real metadata answer. */
    private static void awaitReachable(String bootstrap) throws InterruptedException {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(client)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker not reachable at " + bootstrap, notYet);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--port", "--controller-port", "--log-dir"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("usage: --port <p> --controller-port <c> --log-dir <dir> [--partitions <n>]");
            }
        }
        return options;
    }
}
