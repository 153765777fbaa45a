package io.backtrack.persistence;

import java.util.Optional;
import java.util.stream.Stream;

/** A failure and the causes it wraps, outermost first: Mutiny, Vert.x and Hibernate Reactive each wrap. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost failure of the type in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
