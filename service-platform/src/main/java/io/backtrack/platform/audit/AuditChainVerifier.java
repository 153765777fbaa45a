package io.backtrack.platform.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Recomputes the audit chain from the first entry. An edited entry no longer matches its hash; a
 * deleted one breaks the link of the entry after it.
 */
@ApplicationScoped
public class AuditChainVerifier {

    private static final int PAGE = 500;

    @WithSession
    public Uni<ChainVerification> verify() {
        return verifyFrom(0L, AuditHash.GENESIS, 0);
    }

    private Uni<ChainVerification> verifyFrom(long afterId, String expectedPrevious, long checked) {
        return AuditEntry.<AuditEntry>find("id > ?1 order by id", afterId).page(0, PAGE).list()
                .chain(page -> {
                    String previous = expectedPrevious;
                    long count = checked;
                    for (AuditEntry entry : page) {
                        count++;
                        if (!entry.previousHash.equals(previous)) {
                            return Uni.createFrom().item(ChainVerification.broken(count, entry.id,
                                    "does not link to the entry before it (an entry was removed or reordered)"));
                        }
                        if (!AuditHash.of(entry).equals(entry.entryHash)) {
                            return Uni.createFrom().item(ChainVerification.broken(count, entry.id,
                                    "its content does not match its hash (the entry was altered)"));
                        }
                        previous = entry.entryHash;
                    }
                    if (page.size() < PAGE) {
                        return Uni.createFrom().item(ChainVerification.intact(count));
                    }
                    return verifyFrom(last(page).id, previous, count);
                });
    }

    private static AuditEntry last(List<AuditEntry> page) {
        return page.get(page.size() - 1);
    }
}
