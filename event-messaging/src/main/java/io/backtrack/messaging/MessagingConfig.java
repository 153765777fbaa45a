package io.backtrack.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backtrack.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /backtrack/patient-service}. */
    String source();

    Relay relay();

    Consumer consumer();

    Broker broker();

    interface Relay {

        /** How often the relay looks for rows it was not told of (another replica's, left when it stopped). */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * How long after this process last wrote an outbox row the relay keeps looking for it every
         * {@link #heldBackRetry()}: it can be sent only once its transaction commits, and a transaction
         * longer than this is found by the poll.
         */
        @WithDefault("2s")
        Duration expectWindow();

        /** Rows read, sent and marked per round; a drain runs rounds until one comes back short. */
        @WithDefault("500")
        int batchSize();

        /** How soon rows held back behind a transaction still in flight are tried again. */
        @WithDefault("20ms")
        Duration heldBackRetry();

        /** How long published rows stay in the outbox before they are purged. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {

        /** Failed attempts at one event after which its consumer counts as stuck and the service is not ready. */
        @WithDefault("3")
        int stuckAfter();

        /** The longest wait between two attempts at an event whose handling fails. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * How long the id of an applied event is kept, so that the event, delivered again, changes
         * nothing. Longer than the topics keep records (90 days, deploy/k8s/topics): a consumer group
         * reset to the start of a topic still finds every event it applied.
         */
        @WithDefault("P100D")
        Duration retention();
    }

    interface Broker {

        /** How often the broker's reachability is probed for the health report. */
        @WithDefault("5s")
        Duration probeInterval();

        /** How long one probe may wait for the broker to answer. */
        @WithDefault("2s")
        Duration probeTimeout();
    }
}
