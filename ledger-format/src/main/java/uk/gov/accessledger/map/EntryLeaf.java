package uk.gov.accessledger.map;

import java.util.HexFormat;

/**
 * What the map's derivation reads of one entry in the log: its leaf index, its subject, its
 * {@code seq} and its leaf hash. Invariants, enforced: {@code index >= 0},
 * {@code 0 <= seq < 2^63 - 1}, a 32-byte leaf hash. Immutable.
 */
public record EntryLeaf(long index, SubjectKey subject, long seq, byte[] leafHash) {

    public EntryLeaf {
        if (index < 0 || seq < 0 || seq == Long.MAX_VALUE) {
            throw new IllegalArgumentException("requires index >= 0 and 0 <= seq < 2^63 - 1, got index "
                    + index + " and seq " + seq);
        }
        if (subject == null || leafHash == null || leafHash.length != MapHasher.HASH_SIZE) {
            throw new IllegalArgumentException("requires a subject and a 32-byte leaf hash");
        }
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    @Override
    public String toString() {
        return "EntryLeaf[index=" + index + ", subject=" + subject + ", seq=" + seq + ", leafHash="
                + HexFormat.of().formatHex(leafHash) + "]";
    }
}
