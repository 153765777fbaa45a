package io.backtrack.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backtrack.audit")
public interface AuditConfig {

    /**
     * The HMAC key that seals every entry, from a Secret; at least 32 characters. It is never stored
     * in the database, so whoever can write the database cannot forge or re-seal an entry.
     */
    String hmacKey();

    /** How often the heads of the chains that grew are published outside the database. */
    @WithDefault("1m")
    Duration anchorInterval();

    /**
     * How far back each anchoring round looks for entries. Longer than the longest transaction that
     * writes an entry (idle_in_transaction_session_timeout bounds it), so no committed entry is missed.
     */
    @WithDefault("10m")
    Duration anchorLookback();
}
