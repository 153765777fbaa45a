package io.backtrack.messaging;

import io.quarkus.logging.Log;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** LISTENs on the outbox channel with its own connection, reconnecting when PostgreSQL restarts. */
@ApplicationScoped
public class OutboxListener {

    static final String CHANNEL = "backtrack_outbox";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public OutboxListener(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    void start(Runnable onNotify) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> onNotify.run());
        subscriber.connect().subscribe().with(
                ignored -> Log.debug("Outbox relay listening for notifications"),
                failure -> Log.warnf("Outbox relay cannot LISTEN yet (%s); polling until it can", failure.toString()));
    }

    void stop() {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
