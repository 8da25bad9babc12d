package uk.gov.accessledger.map;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key of the subject map: the 32 bytes of a subject pseudonym, used as they are. Bit 0 is the
 * most significant bit of byte 0; bit {@code i} chooses the child at depth {@code i + 1} (0 left,
 * 1 right). Keys order as unsigned big-endian numbers, the order of the tree's leaves.
 *
 * <p>Immutable; the constructor and {@link #bytes()} copy.
 */
public final class SubjectKey implements Comparable<SubjectKey> {

    /** Size of a key in bytes. */
    public static final int SIZE = 32;

    /** Number of bits of a key, and the greatest depth of a leaf. */
    public static final int BITS = 8 * SIZE;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    /** @param bytes requires exactly 32 bytes */
    public SubjectKey(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("couldn't make a subject key: got "
                    + (bytes == null ? "none" : bytes.length + " bytes") + ", want " + SIZE);
        }
        this.bytes = bytes.clone();
    }

    /**
     * Parses a subject as the entries write it.
     *
     * @param hex requires exactly 64 lowercase hex digits
     */
    public static SubjectKey fromHex(String hex) {
        if (hex == null || hex.length() != 2 * SIZE || !hex.chars().allMatch(SubjectKey::isLowerHex)) {
            throw new IllegalArgumentException("couldn't parse subject: got " + quoted(hex)
                    + ", want 64 lowercase hex digits");
        }
        return new SubjectKey(HEX.parseHex(hex));
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static String quoted(String s) {
        return s == null ? "none" : '"' + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + '"';
    }

    /** Returns a copy of the key's 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns bit {@code i}; requires {@code 0 <= i < 256}. */
    public int bit(int i) {
        return (bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    /** Returns whether the first {@code bits} bits of both keys are equal; requires 0..256. */
    public boolean sharesPrefix(SubjectKey other, int bits) {
        for (int i = 0; i < bits; i++) {
            if (bit(i) != other.bit(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns 64 lowercase hex digits. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(SubjectKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
