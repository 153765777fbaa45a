package io.backtrack.messaging;

import io.backtrack.contracts.EventType;

/** What a consumed Kafka record turned out to be. */
sealed interface Delivery {

    /** A contract event that passed every check. */
    record Accepted(ReceivedEvent event) implements Delivery {
    }

    /** Unusable: it cannot be parsed or breaks its schema; it goes to the dead-letter topic. */
    record Rejected(String reason) implements Delivery {
    }

    /** An event not from the owner of its topic, or not on its type's topic: dead-lettered as a security event. */
    record Refused(String reason) implements Delivery {
    }

    /** Of a type the consumer does not act on ({@link Interest}): acknowledged, its payload unread. */
    record Ignored(EventType type) implements Delivery {
    }

    /** A well-formed event of a type this version does not know; dead-lettered, so it is not lost and consumption goes on. */
    record Unknown(String ceType) implements Delivery {
    }
}
