package uk.gov.accessledger.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An entry as written to its subject's chain: the exact canonical bytes, and the chain fields that
 * are also inside those bytes. {@code prev} is null for {@code seq} 0. {@code leafHash} is
 * {@code SHA-256(0x00 || canonical)}.
 */
public record ChainedEntry(
        UUID entryId,
        String subject,
        long seq,
        byte[] prev,
        byte[] leafHash,
        byte[] canonical,
        Instant recordedAt,
        List<String> policyExceptions) {

    public ChainedEntry {
        policyExceptions = List.copyOf(policyExceptions);
    }

    /** Equal when every field is, comparing hashes and bytes by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChainedEntry other && seq == other.seq && entryId.equals(other.entryId)
                && subject.equals(other.subject) && Arrays.equals(prev, other.prev)
                && Arrays.equals(leafHash, other.leafHash) && Arrays.equals(canonical, other.canonical)
                && recordedAt.equals(other.recordedAt) && policyExceptions.equals(other.policyExceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entryId, seq, Arrays.hashCode(leafHash));
    }

    /** Hashes in hex; the canonical bytes by length only, as they hold personal data. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "ChainedEntry[entryId=" + entryId + ", subject=" + subject + ", seq=" + seq + ", prev="
                + (prev == null ? "none" : hex.formatHex(prev)) + ", leafHash=" + hex.formatHex(leafHash)
                + ", canonical=" + canonical.length + " bytes, recordedAt=" + recordedAt + "]";
    }
}
