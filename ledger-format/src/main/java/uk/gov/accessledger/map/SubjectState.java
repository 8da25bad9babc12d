package uk.gov.accessledger.map;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A value of the subject map: how many entries the subject has ({@code count}), and the leaf
 * index and leaf hash of its newest entry. Encoded in 48 bytes:
 * {@code uint64 count || uint64 newestLeafIndex || newestLeafHash[32]}, integers big-endian.
 *
 * <p>Invariants, enforced: {@code count >= 1} (a subject is in the map only once it has an entry),
 * {@code 0 <= newestLeafIndex < 2^63}, {@code newestLeafHash} is 32 bytes. Immutable.
 */
public record SubjectState(long count, long newestLeafIndex, byte[] newestLeafHash) {

    /** Size of the encoding in bytes. */
    public static final int ENCODED_SIZE = 8 + 8 + 32;

    private static final HexFormat HEX = HexFormat.of();

    public SubjectState {
        if (count < 1) {
            throw new IllegalArgumentException("couldn't make a subject state: count got " + count
                    + ", want 1 to 2^63 - 1");
        }
        if (newestLeafIndex < 0) {
            throw new IllegalArgumentException("couldn't make a subject state: newest leaf index got "
                    + Long.toUnsignedString(newestLeafIndex) + ", want 0 to 2^63 - 1");
        }
        if (newestLeafHash == null || newestLeafHash.length != MapHasher.HASH_SIZE) {
            throw new IllegalArgumentException("couldn't make a subject state: newest leaf hash got "
                    + (newestLeafHash == null ? "none" : newestLeafHash.length + " bytes") + ", want 32");
        }
        newestLeafHash = newestLeafHash.clone();
    }

    /** Returns the 48-byte encoding. */
    public byte[] encode() {
        return ByteBuffer.allocate(ENCODED_SIZE).putLong(count).putLong(newestLeafIndex)
                .put(newestLeafHash).array();
    }

    /**
     * Decodes 48 bytes.
     *
     * @throws IllegalArgumentException if there are not 48 bytes or the invariants fail
     */
    public static SubjectState decode(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_SIZE) {
            throw new IllegalArgumentException("couldn't decode a subject state: got "
                    + (encoded == null ? "none" : encoded.length + " bytes") + ", want " + ENCODED_SIZE);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        long count = in.getLong();
        long index = in.getLong();
        return new SubjectState(count, index, Arrays.copyOfRange(encoded, 16, ENCODED_SIZE));
    }

    @Override
    public byte[] newestLeafHash() {
        return newestLeafHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectState s && count == s.count && newestLeafIndex == s.newestLeafIndex
                && Arrays.equals(newestLeafHash, s.newestLeafHash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(count) + 17 * Long.hashCode(newestLeafIndex) + Arrays.hashCode(newestLeafHash);
    }

    @Override
    public String toString() {
        return "SubjectState[count=" + count + ", newestLeafIndex=" + newestLeafIndex
                + ", newestLeafHash=" + HEX.formatHex(newestLeafHash) + "]";
    }
}
