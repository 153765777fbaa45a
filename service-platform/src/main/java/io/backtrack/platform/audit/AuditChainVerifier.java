package io.backtrack.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks every chain from its first entry, a page at a time, in memory that does not grow with the
 * trail (each page leaves the session before the next is read): consecutive sequence numbers (an entry
 * removed or slipped in), each link to the seal before it, each seal under the key (an entry altered,
 * even if re-sealed without the key), and the anchored entry's seal against its published anchor (a
 * chain rewritten by someone who has the key); then that no anchored entry is missing (the newest
 * entries removed). The first problem found is reported, and the verdict kept in a gauge (created at
 * start-up, NaN until the first verification) that alerts watch.
 */
@Startup
@ApplicationScoped
public class AuditChainVerifier {

    private static final int PAGE = 500;

    private static final int NOT_VERIFIED_YET = -1;

    private final AuditSeal seal;
    private final AuditAnchorReader anchors;
    private final AtomicInteger lastIntact = new AtomicInteger(NOT_VERIFIED_YET);

    public AuditChainVerifier(AuditSeal seal, AuditAnchorReader anchors, MeterRegistry registry) {
        this.seal = seal;
        this.anchors = anchors;
        Gauge.builder("backtrack.audit.verification.intact", lastIntact,
                        last -> last.get() == NOT_VERIFIED_YET ? Double.NaN : last.get())
                .description("1 when the last verification found every audit chain intact, 0 when it found a break")
                .register(registry);
    }

    public Uni<ChainVerification> verify() {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(anchors::newestByChain)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(this::verifyAgainst)
                .invoke(verdict -> lastIntact.set(verdict.intact() ? 1 : 0));
    }

    @WithSession
    Uni<ChainVerification> verifyAgainst(Map<String, AuditAnchor> anchored) {
        return LegacyAuditChain.verify()
                .chain(legacy -> legacy.intact()
                        ? verifyChains(new Walk(anchored), "", 0L).map(keyed -> keyed.after(legacy.entriesChecked()))
                        : Uni.createFrom().item(legacy));
    }

    private Uni<ChainVerification> verifyChains(Walk walk, String afterChain, long afterSeq) {
        return AuditEntry.<AuditEntry>find("scheme <> 1 and (chainKey > ?1 or (chainKey = ?1 and chainSeq > ?2)) "
                        + "order by chainKey, chainSeq", afterChain, afterSeq)
                .page(0, PAGE).list()
                .chain(page -> {
                    for (AuditEntry entry : page) {
                        Optional<ChainVerification> broken = walk.check(entry);
                        if (broken.isPresent()) {
                            return Uni.createFrom().item(broken.get());
                        }
                    }
                    if (page.size() == PAGE) {
                        String lastChain = page.get(page.size() - 1).chainKey;
                        long lastSeq = page.get(page.size() - 1).chainSeq;
                        return Panache.getSession().invoke(Mutiny.Session::clear)
                                .chain(() -> verifyChains(walk, lastChain, lastSeq));
                    }
                    return AuditEntry.count("scheme <> 1 and (chainKey is null or chainSeq is null)")
                            .map(unchained -> unchained > 0
                                    ? ChainVerification.broken(walk.checked, null, unchained + " entries belong to no chain")
                                    : walk.anchorsHold());
                });
    }

    /** The state of one pass over every chain in order. */
    private final class Walk {
        private final Map<String, AuditAnchor> anchored;
        /** The newest sequence number seen of each chain: what the anchors are held against. */
        private final Map<String, Long> heads = new HashMap<>();
        private long checked;
        private String chain;
        private long seq;
        private String previous;

        Walk(Map<String, AuditAnchor> anchored) {
            this.anchored = anchored;
        }

        Optional<ChainVerification> check(AuditEntry entry) {
            checked++;
            if (entry.scheme != 2) {
                return broken(entry, "has an unknown scheme " + entry.scheme);
            }
            if (!entry.chainKey.equals(chain)) {
                chain = entry.chainKey;
                seq = 0;
                previous = AuditSeal.GENESIS;
            }
            if (entry.chainSeq != seq + 1) {
                return broken(entry, "is number " + entry.chainSeq + " of chain " + chain + " where " + (seq + 1)
                        + " was expected (an entry was removed)");
            }
            if (!entry.previousHash.equals(previous)) {
                return broken(entry, "does not link to the entry before it in chain " + chain);
            }
            if (!seal.of(entry).equals(entry.entryHash)) {
                return broken(entry, "does not match its seal (the entry was altered)");
            }
            AuditAnchor anchor = anchored.get(chain);
            if (anchor != null && anchor.seq() == entry.chainSeq && !anchor.hash().equals(entry.entryHash)) {
                return broken(entry, "differs from the seal anchored at " + anchor.anchoredAt()
                        + " (the chain was rewritten, with the key)");
            }
            seq = entry.chainSeq;
            previous = entry.entryHash;
            heads.put(chain, seq);
            return Optional.empty();
        }

        ChainVerification anchorsHold() {
            for (AuditAnchor anchor : anchored.values()) {
                Long head = heads.get(anchor.chain());
                if (head == null || head < anchor.seq()) {
                    return ChainVerification.broken(checked, anchor.entryId(), "entry " + anchor.seq() + " of chain "
                            + anchor.chain() + ", anchored at " + anchor.anchoredAt() + ", is missing (the chain was cut short)");
                }
            }
            return ChainVerification.intact(checked);
        }

        private Optional<ChainVerification> broken(AuditEntry entry, String problem) {
            return Optional.of(ChainVerification.broken(checked, entry.id, "entry " + entry.id + " " + problem));
        }
    }
}
