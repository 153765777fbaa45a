package io.backtrack.persistence;

import io.smallrye.mutiny.CompositeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A failure and the causes it wraps, outermost first: Mutiny, Vert.x and Hibernate Reactive each wrap. */
public final class Causes {

    private Causes() {
    }

    /**
     * The failure and everything behind it, outermost first: its causes, and the failures a Mutiny
     * {@link CompositeException} gathered (a rollback that failed after the statement did, say).
     */
    public static Stream<Throwable> of(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        collect(failure, all, Collections.newSetFromMap(new IdentityHashMap<>()));
        return all.stream();
    }

    private static void collect(Throwable failure, List<Throwable> all, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        all.add(failure);
        if (failure instanceof CompositeException composite) {
            composite.getCauses().forEach(cause -> collect(cause, all, seen));
        }
        collect(failure.getCause(), all, seen);
    }

    /** The outermost failure of the type in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
