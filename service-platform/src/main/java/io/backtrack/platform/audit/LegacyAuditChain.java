package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The single unkeyed SHA-256 chain of the entries written before keyed chains (scheme 1). It can be
 * checked for edits and removals, not for a rewrite; no scheme-1 entry may come after a keyed one.
 */
final class LegacyAuditChain {

    private static final int PAGE = 500;

    private LegacyAuditChain() {
    }

    static Uni<ChainVerification> verify() {
        return AuditEntry.<AuditEntry>find("scheme = 1 and id > (select min(e.id) from AuditEntry e where e.scheme = 2) "
                        + "order by id").firstResult()
                .chain(late -> late != null
                        ? Uni.createFrom().item(ChainVerification.broken(0, late.id,
                                "entry " + late.id + " claims the unkeyed scheme after keyed chains began (inserted)"))
                        : verifyFrom(0L, LegacyAuditHash.GENESIS, 0));
    }

    private static Uni<ChainVerification> verifyFrom(long afterId, String expectedPrevious, long checked) {
        return AuditEntry.<AuditEntry>find("scheme = 1 and id > ?1 order by id", afterId).page(0, PAGE).list()
                .chain(page -> {
                    String previous = expectedPrevious;
                    long count = checked;
                    for (AuditEntry entry : page) {
                        count++;
                        if (!entry.previousHash.equals(previous)) {
                            return Uni.createFrom().item(ChainVerification.broken(count, entry.id,
                                    "entry " + entry.id + " does not link to the entry before it (an entry was removed)"));
                        }
                        if (!LegacyAuditHash.of(entry).equals(entry.entryHash)) {
                            return Uni.createFrom().item(ChainVerification.broken(count, entry.id,
                                    "entry " + entry.id + " does not match its hash (the entry was altered)"));
                        }
                        previous = entry.entryHash;
                    }
                    if (page.size() == PAGE) {
                        long last = page.get(page.size() - 1).id;
                        String linked = previous;
                        long verified = count;
                        return Panache.getSession().invoke(Mutiny.Session::clear)
                                .chain(() -> verifyFrom(last, linked, verified));
                    }
                    return Uni.createFrom().item(ChainVerification.intact(count));
                });
    }
}
