package uk.gov.accessledger.map;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The subject map's four SHA-256 hashes, each input starting with its own one-byte domain tag so
 * that no hash of one kind can be read as a hash of another (docs/map-format.md, "Hashes"):
 *
 * <pre>
 * EMPTY         = SHA-256(0x02)
 * valueHash(v)  = SHA-256(0x03 || v)               v: the 48-byte value encoding
 * leafHash(k,h) = SHA-256(0x00 || k || h)          k: 32-byte key, h: value hash
 * inner(l,r)    = SHA-256(0x01 || l || r)
 * </pre>
 *
 * <p>Counts the hashes it computes, for the cost measurements. Not thread-safe: use one per map
 * or per verification.
 */
public final class MapHasher {

    /** Domain tag of a leaf hash (as RFC 6962's leaf prefix). */
    public static final byte MAP_LEAF_PREFIX = 0x00;

    /** Domain tag of an inner node hash (as RFC 6962's node prefix). */
    public static final byte MAP_INNER_PREFIX = 0x01;

    /** Domain tag of the empty subtree's hash. */
    public static final byte MAP_EMPTY_PREFIX = 0x02;

    /** Domain tag of a value hash. */
    public static final byte MAP_VALUE_PREFIX = 0x03;

    /** Size in bytes of every hash. */
    public static final int HASH_SIZE = 32;

    private static final byte[] EMPTY = sha256().digest(new byte[] {MAP_EMPTY_PREFIX});

    private final MessageDigest digest = sha256();
    private long count;

    /** Returns a copy of the hash of every empty subtree, at any depth. */
    public static byte[] empty() {
        return EMPTY.clone();
    }

    static boolean isEmpty(byte[] hash) {
        return MessageDigest.isEqual(EMPTY, hash);
    }

    /** Returns {@code SHA-256(0x03 || value.encode())}. */
    public byte[] valueHash(SubjectState value) {
        count++;
        digest.update(MAP_VALUE_PREFIX);
        digest.update(value.encode());
        return digest.digest();
    }

    /**
     * Returns {@code SHA-256(0x00 || key || valueHash)}.
     *
     * @param valueHash requires 32 bytes
     */
    public byte[] leafHash(SubjectKey key, byte[] valueHash) {
        requireHash("value hash", valueHash);
        count++;
        digest.update(MAP_LEAF_PREFIX);
        digest.update(key.bytes());
        digest.update(valueHash);
        return digest.digest();
    }

    /**
     * Returns {@code SHA-256(0x01 || left || right)}.
     *
     * @param left requires 32 bytes
     * @param right requires 32 bytes
     */
    public byte[] innerHash(byte[] left, byte[] right) {
        requireHash("left child hash", left);
        requireHash("right child hash", right);
        count++;
        digest.update(MAP_INNER_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Returns how many hashes this hasher has computed. */
    public long count() {
        return count;
    }

    private static void requireHash(String what, byte[] hash) {
        if (hash == null || hash.length != HASH_SIZE) {
            throw new IllegalArgumentException("requires a " + HASH_SIZE + "-byte " + what + ", got "
                    + (hash == null ? "none" : hash.length + " bytes"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't find SHA-256 in the JDK", e);
        }
    }
}
