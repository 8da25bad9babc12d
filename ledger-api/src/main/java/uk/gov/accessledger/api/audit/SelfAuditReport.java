package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of one self-audit. {@code findings} lists at most {@value SelfAudit#MAX_LISTED}
 * problems; {@code findingCount} counts them all.
 */
public record SelfAuditReport(Instant startedAt, Instant finishedAt, long entriesChecked, long subjectsChecked,
                              long leavesChecked, long checkpointsChecked, long findingCount,
                              List<Finding> findings) {

    /** Every check the self-audit makes; a finding names the one that failed. */
    public enum Check {
        /** The stored leaf hash is not SHA-256(0x00 || stored canonical bytes). */
        ENTRY_HASH,
        /** The canonical bytes disagree with the entry's columns (id, subject, seq, prev). */
        ENTRY_FIELDS,
        /**
         * An indexed column of the entry's row (kind, organisation, service, purpose, legal basis,
         * action, refers-to, happened-at, recorded-at, disclose-after, policy exception) disagrees
         * with the value its canonical bytes give; queries filter on these columns.
         */
        ENTRY_COLUMNS,
        /** A subject's seq values are not 0, 1, 2, ... (a missing or extra entry). */
        CHAIN_GAP,
        /** An entry's prev is not the leaf hash of the subject's previous entry. */
        CHAIN_LINK,
        /** Leaf indexes are not 0, 1, 2, ... */
        LOG_GAP,
        /** A leaf names an entry that is not stored. */
        LOG_LEAF_WITHOUT_ENTRY,
        /** A leaf's entry row id (which exports join on) is not the row of the entry it names. */
        LOG_LEAF_ROW,
        /** A leaf's hash is not its entry's recomputed leaf hash. */
        LOG_LEAF_HASH,
        /** A stored entry has no leaf and is not queued for one. */
        ENTRY_NOT_IN_LOG,
        /** A checkpoint's signature does not verify with the log key, or its text disagrees with its row. */
        CHECKPOINT_SIGNATURE,
        /** A checkpoint's root is not the root of the stored entries at its size. */
        CHECKPOINT_ROOT,
        /** The stored level-0 tile node disagrees with the leaf. */
        LOG_NODE
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(Check check, UUID entryId, String subject, Long seq, Long leafIndex, Long treeSize,
                          String detail) {
    }
}
