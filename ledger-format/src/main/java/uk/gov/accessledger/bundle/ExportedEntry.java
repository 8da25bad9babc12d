package uk.gov.accessledger.bundle;

import java.util.List;
import java.util.Objects;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * One entry as {@link BundleWriter#write} takes it: its canonical bytes, its leaf index, its
 * inclusion proof against the bundle's checkpoint, and its CSV cells.
 *
 * <p>The arrays are not copied, for speed in million-entry exports: do not modify them while the
 * entry is being written.
 *
 * @param leafIndex the entry's leaf index in the log; requires {@code leafIndex >= 0}
 * @param canonical the entry's canonical bytes exactly as stored; requires non-null
 * @param inclusionProof the RFC 9162 inclusion proof of {@code leafIndex} in the tree of the
 *     bundle's checkpoint, lowest level first; requires at most 63 hashes of 32 bytes
 * @param row the cells of the entry's {@code entries.csv} row; requires non-null
 */
public record ExportedEntry(long leafIndex, byte[] canonical, List<byte[]> inclusionProof, EntryCsvRow row) {

    /** The most hashes an inclusion proof in a tree of fewer than 2^63 leaves can have. */
    static final int MAX_PROOF_HASHES = 63;

    public ExportedEntry {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("requires leafIndex >= 0, got " + leafIndex);
        }
        Objects.requireNonNull(canonical, "requires canonical bytes");
        Objects.requireNonNull(row, "requires a CSV row");
        inclusionProof = List.copyOf(inclusionProof);
        if (inclusionProof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("requires at most " + MAX_PROOF_HASHES
                    + " proof hashes, got " + inclusionProof.size());
        }
        for (byte[] hash : inclusionProof) {
            if (hash.length != Rfc6962Hasher.HASH_SIZE) {
                throw new IllegalArgumentException("requires " + Rfc6962Hasher.HASH_SIZE
                        + "-byte proof hashes, got " + hash.length + " bytes");
            }
        }
    }
}
