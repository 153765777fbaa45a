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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks every chain from its first entry, a page at a time, in memory that does not grow with the
 * trail (each page leaves the session before the next is read): consecutive sequence numbers (an entry
 * removed or slipped in), each link to the seal before it, each seal under the key (an entry altered,
 * even if re-sealed without the key). Then every anchor published on the topic, a page at a time, against
 * the entry it names: an entry missing (the chain cut short) or with another seal (a chain rewritten by
 * someone who has the key). Neither pass keeps more than a page, whatever the number of patients. The
 * first problem found is reported, and the verdict kept in a gauge (created at start-up, NaN until the
 * first verification) that alerts watch.
 */
@Startup
@ApplicationScoped
public class AuditChainVerifier {

    private static final int PAGE = 500;

    private static final int NOT_VERIFIED_YET = -1;
    /** The entry each anchor of a page names, in the page's order; none where it is missing. */
    private static final String ANCHORED_ENTRIES = """
            SELECT e.id, e.entry_hash
              FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS anchored(chain_key, chain_seq, n)
                   LEFT JOIN audit_entry e
                          ON e.scheme = 2 AND e.chain_key = anchored.chain_key AND e.chain_seq = anchored.chain_seq
             ORDER BY anchored.n""";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final AuditSeal seal;
    private final AuditAnchorReader anchors;
    private final Pool pool;
    private final AtomicInteger lastIntact = new AtomicInteger(NOT_VERIFIED_YET);

    public AuditChainVerifier(AuditSeal seal, AuditAnchorReader anchors, Pool pool, MeterRegistry registry) {
        this.seal = seal;
        this.anchors = anchors;
        this.pool = pool;
        Gauge.builder("backtrack.audit.verification.intact", lastIntact,
                        last -> last.get() == NOT_VERIFIED_YET ? Double.NaN : last.get())
                .description("1 when the last verification found every audit chain intact, 0 when it found a break")
                .register(registry);
    }

    public Uni<ChainVerification> verify() {
        Context context = Vertx.currentContext();
        return walkChains()
                .chain(walked -> walked.intact()
                        ? Uni.createFrom().item(() -> anchors.firstOfPages(PAGE, page -> contradiction(page,
                                        walked.entriesChecked())).orElse(walked))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                        : Uni.createFrom().item(walked))
                .invoke(verdict -> lastIntact.set(verdict.intact() ? 1 : 0));
    }

    @WithSession
    Uni<ChainVerification> walkChains() {
        return LegacyAuditChain.verify()
                .chain(legacy -> legacy.intact()
                        ? AuditEntry.<AuditEntry>find("scheme not in (1, 2) order by id").firstResult()
                                .chain(unknown -> unknown == null
                                        ? verifyChains(new Walk(), "", 0L)
                                        : Uni.createFrom().item(ChainVerification.broken(0, unknown.id, "entry "
                                                + unknown.id + " has an unknown scheme " + unknown.scheme)))
                                .map(keyed -> keyed.after(legacy.entriesChecked()))
                        : Uni.createFrom().item(legacy));
    }

    /**
     * A page of keyed entries after the last one checked, in chain order: the row comparison reads the
     * chains' index from where the page before it ended. Written as "a greater chain, or the same one
     * and a greater number", each page sorted every entry after it: 60 ms of the database's CPU a page
     * on a trail of 37,000 entries, and more the longer the trail.
     */
    private Uni<ChainVerification> verifyChains(Walk walk, String afterChain, long afterSeq) {
        return AuditEntry.<AuditEntry>find("scheme = 2 and (chainKey, chainSeq) > (?1, ?2) order by chainKey, chainSeq",
                        afterChain, afterSeq)
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
                                    : ChainVerification.intact(walk.checked));
                });
    }

    /**
     * The first anchor of the page that the trail contradicts: its entry missing, or sealed otherwise.
     * Blocking: the anchors are read on a worker thread.
     */
    private Optional<ChainVerification> contradiction(List<AuditAnchor> page, long checked) {
        RowSet<Row> entries = pool.preparedQuery(ANCHORED_ENTRIES).execute(Tuple.tuple()
                        .addArrayOfString(page.stream().map(AuditAnchor::chain).toArray(String[]::new))
                        .addArrayOfLong(page.stream().map(AuditAnchor::seq).toArray(Long[]::new)))
                .await().atMost(QUERY_TIMEOUT);
        RowIterator<Row> entry = entries.iterator();
        for (AuditAnchor anchor : page) {
            Row row = entry.next();
            Long id = row.getLong("id");
            if (id == null) {
                return Optional.of(ChainVerification.broken(checked, anchor.entryId(), "entry " + anchor.seq()
                        + " of chain " + anchor.chain() + ", anchored at " + anchor.anchoredAt()
                        + ", is missing (the chain was cut short)"));
            }
            if (!anchor.hash().equals(row.getString("entry_hash"))) {
                return Optional.of(ChainVerification.broken(checked, id, "entry " + id + " differs from the seal "
                        + "anchored at " + anchor.anchoredAt() + " (the chain was rewritten, with the key)"));
            }
        }
        return Optional.empty();
    }

    /** The state of one pass over every chain in order. */
    private final class Walk {
        private long checked;
        private String chain;
        private long seq;
        private String previous;

        Optional<ChainVerification> check(AuditEntry entry) {
            checked++;
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
            seq = entry.chainSeq;
            previous = entry.entryHash;
            return Optional.empty();
        }

        private Optional<ChainVerification> broken(AuditEntry entry, String problem) {
            return Optional.of(ChainVerification.broken(checked, entry.id, "entry " + entry.id + " " + problem));
        }
    }
}
