package io.backtrack.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka broker answers, probed in the background so that a health request never waits
 * on the network. Writes go through the outbox, so an unreachable broker delays events but loses
 * none: the service reports it as degraded, it does not stop serving.
 */
@ApplicationScoped
public class BrokerReachability {

    /** The last probe's outcome; {@code since} is when the broker's state last changed. */
    public record State(boolean reachable, Instant since, String detail) {
    }

    private final Admin admin;
    private final MessagingConfig config;
    private final Clock clock;
    private final AtomicReference<State> state;

    public BrokerReachability(@Identifier("default-kafka-broker") Map<String, Object> kafka, MessagingConfig config,
            Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.state = new AtomicReference<>(new State(false, clock.instant(), "not probed yet"));
        Map<String, Object> settings = new HashMap<>(kafka);
        int timeout = (int) config.broker().probeTimeout().toMillis();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "backtrack-broker-probe");
        this.admin = Admin.create(settings);
        Gauge.builder("backtrack.broker.reachable", state, s -> s.get().reachable() ? 1 : 0)
                .description("1 while the Kafka broker answers the health probe, 0 while it does not")
                .register(registry);
    }

    public State state() {
        return state.get();
    }

    @Scheduled(every = "${backtrack.messaging.broker.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        long timeout = config.broker().probeTimeout().toMillis();
        boolean reachable;
        String detail;
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                    .nodes().get(timeout + 500, TimeUnit.MILLISECONDS).size();
            reachable = true;
            detail = nodes + " broker(s) answered";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            reachable = false;
            detail = "no answer within " + timeout + " ms";
        }
        boolean now = reachable;
        String why = detail;
        state.updateAndGet(previous -> new State(now, previous.reachable() == now ? previous.since() : clock.instant(), why));
    }

    void onStop(@Observes ShutdownEvent event) {
        admin.close(Duration.ofSeconds(1));
    }
}
