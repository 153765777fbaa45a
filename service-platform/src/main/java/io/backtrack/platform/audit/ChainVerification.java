package io.backtrack.platform.audit;

/** The result of recomputing the audit chain: intact, or the first entry where it breaks and why. */
public record ChainVerification(boolean intact, long entriesChecked, Long brokenAtEntryId, String problem) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, Long entryId, String problem) {
        return new ChainVerification(false, checked, entryId, problem);
    }

    /** The same result with {@code earlier} entries of another chain counted in. */
    ChainVerification after(long earlier) {
        return new ChainVerification(intact, earlier + entriesChecked, brokenAtEntryId, problem);
    }
}
