package uk.gov.accessledger.merkle;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The Merkle tree hash of RFC 6962 section 2.1 with SHA-256: {@code MTH({}) = SHA-256()},
 * leaf hash {@code SHA-256(0x00 || data)} and interior node hash
 * {@code SHA-256(0x01 || left || right)}. The distinct prefixes give second-preimage resistance
 * between leaves and interior nodes.
 *
 * <p>Stateless and thread-safe: each call uses its own digest, because BouncyCastle digests are
 * not safe to share between threads.
 */
public final class Rfc6962Hasher {

    /** Domain-separation prefix of a leaf hash (RFC 6962 section 2.1). */
    public static final byte RFC6962_LEAF_PREFIX = 0x00;

    /** Domain-separation prefix of an interior node hash (RFC 6962 section 2.1). */
    public static final byte RFC6962_NODE_PREFIX = 0x01;

    /** Size in bytes of every hash this hasher produces (SHA-256). */
    public static final int HASH_SIZE = 32;

    /** The one instance; the hasher has no state to configure. */
    public static final Rfc6962Hasher DEFAULT = new Rfc6962Hasher();

    private Rfc6962Hasher() {
    }

    /** Returns the root hash of the empty tree, {@code SHA-256()} with no input. */
    public byte[] emptyRoot() {
        return finish(new SHA256Digest());
    }

    /**
     * Returns the leaf hash {@code SHA-256(0x00 || data)}.
     *
     * @param data the leaf's bytes exactly as stored; requires non-null (may be empty)
     */
    public byte[] hashLeaf(byte[] data) {
        Objects.requireNonNull(data, "requires leaf data");
        SHA256Digest digest = new SHA256Digest();
        digest.update(RFC6962_LEAF_PREFIX);
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    /**
     * Returns the interior node hash {@code SHA-256(0x01 || left || right)}. Like
     * transparency-dev/merkle it accepts children of any length, so a malformed proof element
     * yields a wrong root rather than an exception.
     *
     * @param left the left child's hash; requires non-null
     * @param right the right child's hash; requires non-null
     */
    public byte[] hashChildren(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "requires left child hash");
        Objects.requireNonNull(right, "requires right child hash");
        SHA256Digest digest = new SHA256Digest();
        digest.update(RFC6962_NODE_PREFIX);
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        return finish(digest);
    }

    private static byte[] finish(SHA256Digest digest) {
        byte[] out = new byte[HASH_SIZE];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "Rfc6962Hasher[SHA-256]";
    }
}
